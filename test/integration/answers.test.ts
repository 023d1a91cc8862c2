import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardSubmit as submit, postActivity, teamsMessage, USERS } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { botEnvFor, ENGINES } from '../support/databases';
import { startTestBot } from '../support/runningBot';
import { voteCounts } from '../../src/storage/feedbackRows';

type Bot = Awaited<ReturnType<typeof startTestBot>>;
type Connector = Awaited<ReturnType<typeof startFakeConnector>>;

const cardSubmit = (serviceUrl: string, value: object) => submit({ serviceUrl, value });

describe.each(ENGINES)('answering questions in Teams (%s)', (engine) => {
  let bot: Bot;
  let connector: Connector;
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    // A fresh schema each run: votes and rate-limit rows left by an earlier run must not change the counts.
    const database = await botEnvFor(engine);
    dropDatabase = database.cleanup;
    bot = await startTestBot(database.env);
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await dropDatabase();
  });

  const lastCard = () => connector.cardsText().at(-1)!;

  it('answers a question typed as staff type it', async () => {
    await postActivity(bot.url, teamsMessage({ text: 'do i need mums permission to ring mash??', serviceUrl: connector.url }));
    expect(lastCard()).toContain('Do I need consent before I refer?');
  });

  it('answers in a channel when mentioned, and "ask" is optional', async () => {
    const activity = {
      ...teamsMessage({ text: '<at>Safeguarding assistant</at> ask y9 might be running drugs, who do i tell', serviceUrl: connector.url }),
      entities: [{ type: 'mention', text: '<at>Safeguarding assistant</at>', mentioned: { id: 'bot-id', name: 'Safeguarding assistant' } }],
    };
    await postActivity(bot.url, activity);
    expect(lastCard()).toContain('Criminal exploitation and county lines');
  });

  it('opens a related answer from its button', async () => {
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'showAnswer', answerId: 'family-hubs' }));
    expect(lastCard()).toContain('Family Hubs in Solihull');
  });

  it('records "Did this help?" without personal data and counts it in the report', async () => {
    // One person's votes on one answer count once, the last one winning (more in answerVotes.test.ts).
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'answerFeedback', answerId: 'neglect', helpful: true }));
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'answerFeedback', answerId: 'neglect', helpful: false }));
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'answerFeedback', answerId: 'neglect', helpful: true }));
    const after = (await voteCounts(bot.database.sql)).find((c) => c.answerId === 'neglect')!;
    expect([after.helpful, after.notHelpful]).toEqual([1, 0]);

    await postActivity(bot.url, teamsMessage({ text: 'report', serviceUrl: connector.url, user: USERS.admin }));
    expect(lastCard()).toContain('Neglect: what it looks like and what to do');
  });

  it('refuses a vote for an answer that does not exist', async () => {
    const before = connector.sent.length;
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'answerFeedback', answerId: 'no-such-answer', helpful: true }));
    expect(connector.sent.at(-1)!.activity.text).toContain('could not record');
    expect(connector.sent.length).toBe(before + 1);
  });

  it('"Make a referral" offers the two kinds of referral, with 999 first', async () => {
    await postActivity(bot.url, cardSubmit(connector.url, { verb: 'makeReferral', answerId: 'neglect' }));
    const card = lastCard();
    expect(card).toContain('Make a referral');
    expect(card.indexOf('call 999')).toBeLessThan(card.indexOf('Front door (MASH) referral'));
    expect(card).toContain('"verb":"startReferral","kind":"early-help"');
  });
});
