/**
 * Guidance from any chat's compose box, through the real bot over HTTP with `composeExtension/query` and
 * `composeExtension/selectItem` invokes shaped as Teams sends them: the same search as the bot, an urgent
 * search leads the inserted card with the urgent banner, the inserted card stands alone (summary, steps,
 * contacts, source, review date, no buttons that need the bot), and neither the log nor the rate limit
 * treats these invokes differently from any other.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { startBot } from '../../src/startBot';
import { PLAYGROUND_TENANT, postActivity, teamsMessage, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { memoryLogger } from '../support/memoryLog';
import { composeQuery, composeSelectItem } from '../support/teamsInvokes';

interface Attachment {
  contentType: string;
  content: { body: unknown[]; actions?: unknown[] };
  preview: { contentType: string; content: { title: string; text: string; tap?: unknown } };
}
interface ComposeResponse {
  composeExtension: { type: string; attachmentLayout?: string; attachments?: Attachment[]; text?: string };
}

const URGENT_SEARCH = 'her stepdad is hitting her right now';

describe('guidance from the compose box (search message extension)', () => {
  const { logger, lines } = memoryLogger();
  let bot: Awaited<ReturnType<typeof startBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** The same built index the bot loads, to compare its answers with. */
  let knowledge: KnowledgeBase;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'compose-')),
      ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
      RATE_LIMIT_BURST: '1000',
    });
    knowledge = KnowledgeBase.loadFromFile(config.knowledgeIndexPath);
    bot = await startBot(config, logger);
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });

  const invoke = async (activity: object) => {
    const response = await postActivity(bot.url, activity);
    expect(response.status).toBe(200);
    return ((await response.json()) as ComposeResponse).composeExtension;
  };
  const search = (text: string) => invoke(composeQuery({ serviceUrl: connector.url, text }));
  const choose = (value: unknown) => invoke(composeSelectItem({ serviceUrl: connector.url, value }));

  it('a search lists the same answers as the bot, each the card to insert with a preview of its title and summary', async () => {
    const result = await search('how do i ring mash');
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    const expected = knowledge.search('how do i ring mash').hits.map((hit) => hit.answer);
    expect(result.attachments!.map((attachment) => attachment.preview.content.title)).toEqual(expected.map((answer) => answer.title));
    const first = result.attachments![0];
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.content)).toContain(expected[0].summary);
    expect(first.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: expected[0].title, text: expected[0].summary },
    });
    // No tap: Teams inserts the card as listed (and the Playground, which cannot run a tap, can too).
    expect(first.preview.content.tap).toBeUndefined();
  });

  it('the inserted card has the summary, the steps, the contacts, the source and its review date, and no button that needs the bot', async () => {
    const answer = knowledge.answer('contact-the-front-door')!;
    const inserted = await choose({ answerId: answer.id, query: 'how do i ring mash' });
    expect(inserted.type).toBe('result');
    const card = inserted.attachments![0].content;
    const text = JSON.stringify(card);
    expect(text).toContain(answer.summary);
    expect(text).toContain('Who to contact');
    expect(text).toContain('0121 788 4300');
    expect(text).toContain(`**Sources** (reviewed ${answer.reviewed})`);
    expect(text).toContain(answer.sources[0].url);
    expect(text).toContain(`guidance pack ${knowledge.packVersion.label}`);
    expect(text).not.toContain('Action.Submit');
    expect(Buffer.byteLength(text)).toBeLessThan(28 * 1024);
  });

  it('an urgent search leads both the list and the inserted card with the urgent banner', async () => {
    const result = await search(URGENT_SEARCH);
    expect(result.attachments!.length).toBeGreaterThan(0);
    expect(result.attachments![0].preview.content.text).toMatch(/^Urgent: call 999/);
    const listed = JSON.stringify(result.attachments![0].content.body[0]);
    expect(listed).toContain('999');
    // selectItem (for a preview that carries { answerId, query }) works the urgency out again from the words.
    const answerId = knowledge.search(URGENT_SEARCH).hits[0].answer.id;
    const inserted = await choose({ answerId, query: URGENT_SEARCH });
    const firstBlock = JSON.stringify(inserted.attachments![0].content.body[0]);
    expect(firstBlock).toContain('999');
    // The same answer chosen after a calm search carries no banner: urgency comes from the words searched.
    const calm = await choose({ answerId, query: 'what is a LADO' });
    expect(JSON.stringify(calm.attachments![0].content.body[0])).not.toContain('999');
  });

  it('an empty search offers the suggested topics; a search with no good match says so, with the front door', async () => {
    const empty = await invoke(composeQuery({ serviceUrl: connector.url, initialRun: true }));
    expect(empty.attachments!.map((attachment) => attachment.preview.content.title)).toEqual(
      knowledge.pack.info.suggestedTopics.map((id) => knowledge.answer(id)!.title),
    );
    const nothing = await search('zzqx wibble frobnicate');
    expect(nothing).toEqual({ type: 'message', text: expect.stringContaining('No guidance matched those words') });
    expect(nothing.text).toContain('0121 788 4300');
  });

  it('a guidance card inserted into the chat with the bot and sent is not taken for a question', async () => {
    const card = (await search('neglect')).attachments![0].content;
    const before = connector.sent.length;
    const message = teamsMessage({
      text: '<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension"></span>',
      serviceUrl: connector.url,
    });
    const response = await postActivity(bot.url, {
      ...message,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(response.status).toBe(200);
    expect(connector.sent.length).toBe(before);
    // Any other card sent with a message is still read as the message it comes with.
    await postActivity(bot.url, {
      ...teamsMessage({ text: 'help', serviceUrl: connector.url }),
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [] } }],
    });
    expect(connector.sent.length).toBe(before + 1);
  });

  it.each([[{}], [{ answerId: 42 }], [{ answerId: 'not-an-answer' }], ['a string'], [null]])(
    'a forged selectItem (%j) gets a plain message, never an error',
    async (value) => {
      const result = await choose(value);
      expect(result.type).toBe('message');
    },
  );

  it('logs the number of results and the urgency, never the words searched', () => {
    expect(lines.some((line) => line.includes('guidance searched from the compose box'))).toBe(true);
    const all = lines.join('\n');
    for (const word of ['stepdad', 'hitting', 'ring mash', 'wibble']) expect(all).not.toContain(word);
  });

  it('is rate-limited like any other invoke, answered in the shape a compose box expects', async () => {
    const strict = await startBot(
      loadConfig({
        PORT: '0',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'compose-rl-')),
        ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
        RATE_LIMIT_BURST: '2',
        RATE_LIMIT_PER_SECOND: '0.01',
      }),
      logger,
    );
    try {
      const bodies: ComposeResponse[] = [];
      for (let i = 0; i < 4; i++)
        bodies.push(
          (await (
            await postActivity(strict.url, composeQuery({ serviceUrl: connector.url, text: 'neglect', user: USERS.headSamplePrimary }))
          ).json()) as ComposeResponse,
        );
      expect(bodies[0].composeExtension.type).toBe('result');
      expect(bodies.at(-1)!.composeExtension).toEqual({ type: 'message', text: expect.stringContaining('faster than I can answer') });
    } finally {
      await strict.stop();
    }
  });
});
