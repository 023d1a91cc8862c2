import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActivity, teamsMessage } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { PRODUCTION_ENV, startTestBot, useBotWithConnector } from '../support/runningBot';

type Bot = Awaited<ReturnType<typeof startTestBot>>;
type Connector = Awaited<ReturnType<typeof startFakeConnector>>;

describe('local mode (as the Agents Playground uses it)', () => {
  const harness = useBotWithConnector();

  it('answers "help" with the help card', async () => {
    const response = await postActivity(harness.bot.url, teamsMessage({ text: 'help', serviceUrl: harness.connector.url }));
    expect(response.status).toBe(200);
    expect(harness.connector.cardsText().at(-1)).toContain('How to use the safeguarding assistant');
  });

  it('answers a channel post that mentions the bot, as Teams sends it', async () => {
    const activity = {
      ...teamsMessage({
        text: '<at>Safeguarding assistant</at> help',
        serviceUrl: harness.connector.url,
        conversationId: '19:general@thread.tacv2',
      }),
      entities: [{ type: 'mention', text: '<at>Safeguarding assistant</at>', mentioned: { id: 'bot-id', name: 'Safeguarding assistant' } }],
    };
    const before = harness.connector.sent.length;
    expect((await postActivity(harness.bot.url, activity)).status).toBe(200);
    expect(harness.connector.sent.slice(before).map((s) => s.conversationId)).toEqual(['19:general@thread.tacv2']);
    expect(harness.connector.cardsText().at(-1)).toContain('How to use the safeguarding assistant');
  });

  it('refuses an activity from a tenant that is not allowed: one plain refusal, no answer', async () => {
    const before = harness.connector.sent.length;
    const response = await postActivity(
      harness.bot.url,
      teamsMessage({ text: 'help', serviceUrl: harness.connector.url, tenantId: 'another-tenant' }),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('not allowed');
    const sent = harness.connector.sent.slice(before).map((s) => s.activity);
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('only available to the council’s own Microsoft 365 organisation');
    expect(sent[0].attachments ?? []).toEqual([]);
  });

  it('refuses a non-message activity from another tenant without replying', async () => {
    const before = harness.connector.sent.length;
    const update = {
      ...teamsMessage({ text: '', serviceUrl: harness.connector.url, tenantId: 'another-tenant' }),
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot-id' }],
    };
    expect((await postActivity(harness.bot.url, update)).status).toBe(401);
    expect(harness.connector.sent.length).toBe(before);
  });

  it('is alive and ready when the index is loaded and SQLite answers', async () => {
    expect((await fetch(`${harness.bot.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${harness.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    // Other checks (the directory) may join these; each must pass for "ready".
    const body = await ready.json();
    expect(body.status).toBe('ready');
    expect(body.checks).toMatchObject({ knowledge: true, database: true });
    expect(Object.values(body.checks).every(Boolean)).toBe(true);
  });

  it('reports not ready once the database stops answering', async () => {
    const other = await startTestBot();
    await other.database.close();
    const ready = await fetch(`${other.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.database).toBe(false);
    await new Promise<void>((resolve) => other.server.close(() => resolve()));
  });

  it('sends security headers and refuses an oversized body', async () => {
    const health = await fetch(`${harness.bot.url}/healthz`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    const huge = teamsMessage({ text: 'x'.repeat(300 * 1024), serviceUrl: harness.connector.url });
    expect((await postActivity(harness.bot.url, huge)).status).toBe(413);
  });
});

describe('production mode', () => {
  let bot: Bot;
  let connector: Connector;
  beforeAll(async () => {
    bot = await startTestBot(PRODUCTION_ENV);
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('rejects an activity with no token', async () => {
    const response = await postActivity(bot.url, teamsMessage({ text: 'help', serviceUrl: connector.url }));
    expect(response.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });

  it('rejects an activity with a token that is not a Bot Framework token', async () => {
    const response = await postActivity(bot.url, teamsMessage({ text: 'help', serviceUrl: connector.url }), {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.c2lnbmF0dXJl',
    });
    expect(response.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });

  it('rejects a garbage authorization header', async () => {
    const response = await postActivity(bot.url, teamsMessage({ text: 'help', serviceUrl: connector.url }), {
      authorization: 'Bearer not-a-jwt',
    });
    expect(response.status).toBe(401);
  });
});

describe('npm run serve', () => {
  it('refuses to start without credentials and names what is missing', () => {
    const result = spawnSync(process.execPath, [path.join(__dirname, '../../dist/index.js')], {
      env: { PATH: process.env.PATH, BOT_MODE: 'production' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('MicrosoftAppId: required in production mode');
    expect(result.stderr).toContain('MicrosoftAppTenantId: required in production mode');
    expect(result.stderr).toContain('MicrosoftAppPassword (or MicrosoftAppPasswordFile): required in production mode');
  });
});
