/**
 * The production HTTP edge, attacked as the outside tester did (issue 11): malformed activities, forged,
 * expired and odd tokens, an unreachable identity service. Each must get its own status, one plain sentence
 * and exactly one log line without the token. The bot runs in production mode with real JWT checks, against
 * a loopback token service (test/support/botTokens.ts) instead of Microsoft's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { CLOCK_SKEW_SECONDS } from '../../src/security/tokenLifetime';
import { startBot, type RunningBot } from '../../src/startBot';
import { channelActivity, PLAYGROUND_TENANT, teamsMessage } from '../support/activities';
import { anotherKey, bearer, startTokenService, type TokenOptions } from '../support/botTokens';
import { memoryLogger } from '../support/memoryLog';
import { PRODUCTION_ENV } from '../support/runningBot';

const SERVICE_URL = 'http://127.0.0.1:9/'; // nothing listens: no test here should make the bot reply
const APP_ID = PRODUCTION_ENV.MicrosoftAppId;

async function startProductionBot(metadataUrl: string) {
  const { logger, lines } = memoryLogger();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bot-edge-'));
  const config = loadConfig({
    ...PRODUCTION_ENV,
    PORT: '0',
    DATA_DIR: dataDir,
    ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
    BotOpenIdMetadata: metadataUrl,
  });
  return { bot: await startBot(config, logger), lines };
}

/** Posts and returns the status, the parsed body and the log lines this request wrote. */
async function post(target: { bot: RunningBot; lines: string[] }, body: unknown, headers: Record<string, string> = {}) {
  const before = target.lines.length;
  const response = await fetch(`${target.bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, logLines: target.lines.slice(before) };
}

/** A post in a team channel that does not mention the bot: accepted, and ignored without a reply. */
function quietChannelPost() {
  const post = channelActivity({ serviceUrl: SERVICE_URL, teamId: '19:team@thread.tacv2', user: 'someone', text: 'hello all' });
  return { ...post, text: 'hello all', entities: [] };
}

describe('production edge: bad requests get the right status, one sentence, one log line', () => {
  let tokens: Awaited<ReturnType<typeof startTokenService>>;
  let target: { bot: RunningBot; lines: string[] };
  const token = (options: Partial<TokenOptions> = {}) => tokens.token({ appId: APP_ID, serviceUrl: SERVICE_URL, ...options });

  beforeAll(async () => {
    tokens = await startTokenService();
    target = await startProductionBot(tokens.metadataUrl);
  });
  afterAll(async () => {
    await target.bot.stop();
    await tokens.close();
  });

  it('accepts a genuine token (so the refusals below are about the token, not the set-up)', async () => {
    const result = await post(target, quietChannelPost(), bearer(token()));
    expect(result.status).toBe(200);
    // The post did not mention the bot: no reply (the connector address is dead), one line at debug.
    expect(
      result.logLines
        .map((line) => JSON.parse(line))
        .filter((line) => line.level === 20)
        .map((line) => line.msg),
    ).toEqual(['channel message without a mention of the bot ignored']);
  });

  const malformed: Array<[string, () => unknown]> = [
    ['an empty object', () => ({})],
    ['an activity without a conversation', () => ({ ...teamsMessage({ text: 'help', serviceUrl: SERVICE_URL }), conversation: undefined })],
    [
      'a non-string aadObjectId',
      () => {
        const m = teamsMessage({ text: 'help', serviceUrl: SERVICE_URL });
        return { ...m, from: { ...m.from, aadObjectId: 42 } };
      },
    ],
    [
      'a non-string conversationType',
      () => {
        const m = teamsMessage({ text: 'help', serviceUrl: SERVICE_URL });
        return { ...m, conversation: { ...m.conversation, conversationType: { a: 1 } } };
      },
    ],
    ['a non-string tenant id', () => ({ ...teamsMessage({ text: 'help', serviceUrl: SERVICE_URL }), channelData: { tenant: { id: 7 } } })],
    ['an array', () => [teamsMessage({ text: 'help', serviceUrl: SERVICE_URL })]],
  ];

  it.each(malformed)('%s gets 400 with one sentence and one log line', async (_label, body) => {
    const result = await post(target, body(), bearer(token()));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: 'This is not a valid Bot Framework activity.' });
    expect(result.logLines).toHaveLength(1);
    expect(JSON.parse(result.logLines[0])).toMatchObject({ path: '/api/messages', status: 400 });
  });

  it('text that is not JSON gets 400 with one plain sentence, not the parser’s message', async () => {
    const before = target.lines.length;
    const response = await fetch(`${target.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The request body is not valid JSON.' });
    expect(target.lines.slice(before)).toHaveLength(1);
  });

  const badTokens: Array<[string, () => string | undefined, string]> = [
    ['no token', () => undefined, 'missing-token'],
    ['a token not yet valid', () => token({ notBeforeIn: 600 }), 'token-not-yet-valid'],
    ['a token badly signed', () => token({ signingKey: anotherKey() }), 'bad-signature'],
    ['an unsigned token (alg: none)', () => token({ algorithm: 'none' }), 'wrong-algorithm'],
    ['a token of the wrong algorithm (HS256 keyed with the public key)', () => token({ algorithm: 'HS256' }), 'wrong-algorithm'],
    ['a token expired 10 minutes ago', () => token({ expiresIn: -600 }), 'token-expired'],
    ['a token for another bot', () => tokens.token({ appId: 'another-app', serviceUrl: SERVICE_URL }), 'wrong-audience'],
    ['a token from another issuer', () => token({ issuer: 'https://evil.example' }), 'untrusted-token'],
  ];

  it.each(badTokens)('%s gets 401, one sentence and one log line without the token', async (_label, makeToken, reason) => {
    const raw = makeToken();
    const result = await post(target, quietChannelPost(), raw ? bearer(raw) : {});
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ error: 'The request could not be authenticated.' });
    expect(result.logLines).toHaveLength(1);
    const line = JSON.parse(result.logLines[0]);
    expect(line).toMatchObject({ msg: 'authentication failed', path: '/api/messages', status: 401, reason });
    if (raw) {
      for (const part of raw.split('.').filter((p) => p.length > 8)) expect(result.logLines[0]).not.toContain(part);
      expect(
        Object.keys(line).filter(
          (key) =>
            !['level', 'time', 'pid', 'hostname', 'service', 'msg', 'path', 'status', 'reason', 'issuer', 'appId', 'tenant'].includes(key),
        ),
      ).toEqual([]);
    }
  });

  it(`refuses a token expired beyond the ${CLOCK_SKEW_SECONDS}-second allowance, inside botbuilder's own 5 minutes`, async () => {
    const result = await post(target, quietChannelPost(), bearer(token({ expiresIn: -(CLOCK_SKEW_SECONDS + 60) })));
    expect(result.status).toBe(401);
    expect(JSON.parse(result.logLines[0])).toMatchObject({ reason: 'token-expired', issuer: 'https://api.botframework.com' });
  });

  it('accepts a token expired within the allowance (clocks differ a little)', async () => {
    const result = await post(target, quietChannelPost(), bearer(token({ expiresIn: -(CLOCK_SKEW_SECONDS - 30) })));
    expect(result.status).toBe(200);
  });

  it('refuses a token whose not-before is beyond the allowance, inside botbuilder’s 5 minutes', async () => {
    const result = await post(target, quietChannelPost(), bearer(token({ notBeforeIn: CLOCK_SKEW_SECONDS + 60 })));
    expect(result.status).toBe(401);
    expect(JSON.parse(result.logLines[0])).toMatchObject({ reason: 'token-not-yet-valid' });
  });

  it('refuses another tenant with a genuine token: 401, one sentence, one log line naming the tenant', async () => {
    const other = {
      ...quietChannelPost(),
      channelData: { tenant: { id: 'another-tenant' } },
      conversation: { id: 'c', conversationType: 'channel', tenantId: 'another-tenant' },
    };
    const result = await post(target, other, bearer(token()));
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ error: 'This organisation is not allowed to use this bot.' });
    expect(result.logLines).toHaveLength(1);
    expect(JSON.parse(result.logLines[0])).toMatchObject({ reason: 'tenant-not-allowed', tenant: 'another-tenant' });
  });
});

describe('production edge: the identity service cannot be reached', () => {
  let target: { bot: RunningBot; lines: string[] };
  let tokens: Awaited<ReturnType<typeof startTokenService>>;

  beforeAll(async () => {
    tokens = await startTokenService();
    // Port 9 (discard) has no listener on loopback: fetching the signing keys is refused.
    target = await startProductionBot('http://127.0.0.1:9/openid');
  });
  afterAll(async () => {
    await target.bot.stop();
    await tokens.close();
  });

  it('answers 503 with one sentence and one log line', async () => {
    const result = await post(target, quietChannelPost(), bearer(tokens.token({ appId: APP_ID, serviceUrl: SERVICE_URL })));
    expect(result.status).toBe(503);
    expect(result.body).toEqual({ error: 'The bot cannot check credentials right now. Try again shortly.' });
    expect(result.logLines).toHaveLength(1);
    expect(JSON.parse(result.logLines[0])).toMatchObject({
      msg: 'identity service unreachable',
      status: 503,
      reason: 'identity-service-unreachable',
    });
  });
});
