/**
 * Real Teams shapes that broke the bot (issue 11, item 7) and hostile chat input (item 4), sent through the
 * real bot over HTTP to a fake connector: mentions in every shape, channel chatter not meant for the bot,
 * Action.Execute invokes, invokes in a flood, and messages whose text or value is not what Teams would send.
 */
import { describe, expect, it } from 'vitest';
import { cardActionInvoke, cardSubmit, channelActivity, postActivity, teamsMessage, USERS } from '../support/activities';
import { useBotWithConnector } from '../support/runningBot';

const HELP_CARD = 'How to use the safeguarding assistant';
const APOLOGY = 'Sorry, something went wrong';
const BOT = { id: 'bot-id', name: 'Safeguarding assistant' };

/** A team channel post, with the mention entities and text given exactly as Teams would send them. */
function channelPost(serviceUrl: string, text: string, entities: object[]) {
  return { ...channelActivity({ serviceUrl, teamId: '19:shapes@thread.tacv2', user: USERS.dslSamplePrimary, text: 'x' }), text, entities };
}

/** These tests send many messages as one person in a few seconds; the rate limit is tested on its own below. */
const NO_RATE_LIMIT = { RATE_LIMIT_BURST: '10000' };

describe('Teams shapes reach the right route', () => {
  const harness = useBotWithConnector(NO_RATE_LIMIT);

  /** Posts and returns what the bot sent in reply. */
  async function repliesTo(activity: object) {
    const before = harness.connector.sent.length;
    const response = await postActivity(harness.bot.url, activity);
    return { status: response.status, response, sent: harness.connector.sent.slice(before) };
  }
  const cardTexts = (sent: Array<{ activity: { attachments?: Array<{ content: unknown }> } }>) =>
    sent.flatMap((s) => s.activity.attachments ?? []).map((a) => JSON.stringify(a.content));

  const mentionShapes: Array<[string, string, object[]]> = [
    [
      'the two-word name as two mention entities',
      '<at>Safeguarding</at> <at>assistant</at> help',
      [
        { type: 'mention', text: '<at>Safeguarding</at>', mentioned: BOT },
        { type: 'mention', text: '<at>assistant</at>', mentioned: BOT },
      ],
    ],
    ['a mention entity with no text', '<at>Safeguarding assistant</at> help', [{ type: 'mention', mentioned: BOT }]],
    [
      '&nbsp; after the mention',
      '<at>Safeguarding assistant</at>&nbsp;help',
      [{ type: 'mention', text: '<at>Safeguarding assistant</at>', mentioned: BOT }],
    ],
    [
      'the mention at the end',
      'help <at>Safeguarding assistant</at>',
      [{ type: 'mention', text: '<at>Safeguarding assistant</at>', mentioned: BOT }],
    ],
    ['an <at> tag with no entity at all', '<at>Safeguarding assistant</at> help', []],
  ];

  it.each(mentionShapes)('a channel post with %s is read as "help"', async (_label, text, entities) => {
    const { status, sent } = await repliesTo(channelPost(harness.connector.url, text, entities));
    expect(status).toBe(200);
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  it('HTML entities are decoded before routing ("help&#33;" is "help!")', async () => {
    const { sent } = await repliesTo(teamsMessage({ text: 'help&#33;', serviceUrl: harness.connector.url }));
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  it('ignores a channel post that does not mention the bot: no reply', async () => {
    const { status, sent } = await repliesTo(channelPost(harness.connector.url, 'help', []));
    expect(status).toBe(200);
    expect(sent).toEqual([]);
  });

  it('ignores a group-chat message that mentions someone else: no reply', async () => {
    const message = teamsMessage({
      text: '<at>Jo Bloggs</at> help',
      serviceUrl: harness.connector.url,
      conversationId: '19:group@thread.v2',
    });
    const groupChat = {
      ...message,
      conversation: { ...message.conversation, conversationType: 'groupChat', isGroup: true },
      entities: [{ type: 'mention', text: '<at>Jo Bloggs</at>', mentioned: { id: 'user-jo', name: 'Jo Bloggs' } }],
    };
    const { status, sent } = await repliesTo(groupChat);
    expect(status).toBe(200);
    expect(sent).toEqual([]);
  });

  it('still answers a card button pressed in a channel (no text, no mention)', async () => {
    const press = channelActivity({
      serviceUrl: harness.connector.url,
      teamId: '19:shapes@thread.tacv2',
      user: USERS.dslSamplePrimary,
      value: { verb: 'help' },
    });
    const { sent } = await repliesTo(press);
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  it('answers a personal message without a mention', async () => {
    const { sent } = await repliesTo(teamsMessage({ text: 'help', serviceUrl: harness.connector.url }));
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  it('answers an Action.Execute invoke with a proper invoke response and runs the same verb as Action.Submit', async () => {
    const { status, response, sent } = await repliesTo(cardActionInvoke({ serviceUrl: harness.connector.url, verb: 'help' }));
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'I have replied in the chat.',
    });
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  it('answers an Action.Execute invoke with no action at all with the help card, not a 501', async () => {
    const junk = { ...cardActionInvoke({ serviceUrl: harness.connector.url, verb: 'x' }), value: null };
    const { status, sent } = await repliesTo(junk);
    expect(status).toBe(200);
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });

  const oddMessages: Array<[string, (serviceUrl: string) => object]> = [
    ['a null value', (serviceUrl) => ({ ...teamsMessage({ text: '', serviceUrl }), text: undefined, value: null })],
    ['a number as text', (serviceUrl) => ({ ...teamsMessage({ text: '', serviceUrl }), text: 42 })],
    ['an object as text', (serviceUrl) => ({ ...teamsMessage({ text: '', serviceUrl }), text: { a: 1 } })],
    ['a string as value', (serviceUrl) => ({ ...teamsMessage({ text: '', serviceUrl }), text: undefined, value: 'help' })],
    [
      'mention entities that are not objects',
      (serviceUrl) => ({ ...teamsMessage({ text: 'help', serviceUrl }), entities: [null, 3, 'x'] }),
    ],
  ];

  it.each(oddMessages)('a message with %s gets the help card, not an apology', async (_label, make) => {
    const { status, sent } = await repliesTo(make(harness.connector.url));
    expect(status).toBe(200);
    expect(sent.map((s) => s.activity.text ?? '').join()).not.toContain(APOLOGY);
    expect(cardTexts(sent).join()).toContain(HELP_CARD);
  });
});

/** Every card verb the bot knows, as a person in each role might press it with fields of the wrong type. */
const VERBS = [
  'help',
  'showAnswer',
  'answerFeedback',
  'showReferral',
  'makeReferral',
  'startReferral',
  'immediateDanger',
  'submitReferral',
  'recordOutcome',
  'retryDelivery',
  'linkChannel',
  'unlinkChannel',
  'showSubscriptions',
  'saveSubscriptions',
  'directoryAddPerson',
  'directoryAddSchool',
  'directoryRemovePerson',
  'directoryRemoveSchool',
  'previewUpdate',
  'sendUpdate',
  'editUpdate',
  'updateReport',
  'thresholdHelper',
  'suggestLevel',
];
const NULLS = Object.fromEntries(
  [
    'childDevelopment',
    'parentingCapacity',
    'familyEnvironment',
    'answerId',
    'answer',
    'helpful',
    'reference',
    'kind',
    'outcome',
    'note',
    'schoolId',
    'aadObjectId',
    'team',
    'channel',
    'receive',
    'updateId',
    'nonce',
    'form',
  ].map((key) => [key, null]),
);
const JUNK = {
  childDevelopment: ['dev-healthy-attending'],
  parentingCapacity: 7,
  familyEnvironment: { id: 'fam-stable' },
  answerId: { $ne: 1 },
  answer: [1],
  helpful: 'perhaps',
  reference: 42,
  kind: ['x'],
  outcome: { a: 1 },
  note: 7,
  schoolId: [null],
  aadObjectId: 99,
  team: 5,
  channel: {},
  receive: 'x',
  updateId: {},
  nonce: [],
  form: 'x',
};

describe('card presses with a known verb and junk fields', () => {
  const harness = useBotWithConnector(NO_RATE_LIMIT);
  const people = [USERS.dslSamplePrimary, USERS.admin, USERS.earlyHelp, USERS.frontDoor, USERS.notInDirectory];

  it.each(VERBS)('%s gets a plain answer, never the apology', async (verb) => {
    for (const [user, junk] of people.flatMap(
      (person) =>
        [
          [person, JUNK],
          [person, NULLS],
        ] as const,
    )) {
      const before = harness.connector.sent.length;
      const response = await postActivity(
        harness.bot.url,
        cardSubmit({ serviceUrl: harness.connector.url, user, value: { verb, ...junk } }),
      );
      expect(response.status).toBe(200);
      const texts = harness.connector.sent.slice(before).map((s) => s.activity.text ?? '');
      expect(texts.join()).not.toContain(APOLOGY);
    }
  });
});

describe('invokes are rate-limited like messages', () => {
  const harness = useBotWithConnector({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01' });

  it('a flood of Action.Execute presses is refused with an invoke error response once the burst is spent', async () => {
    const user = USERS.headSamplePrimary;
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const response = await postActivity(harness.bot.url, cardActionInvoke({ serviceUrl: harness.connector.url, verb: 'help', user }));
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers.slice(0, 3).map((a) => a.body.statusCode)).toEqual([200, 200, 200]);
    for (const refused of answers.slice(3)) {
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ statusCode: 429, type: 'application/vnd.microsoft.error', value: { code: 'TooManyRequests' } });
    }
  });

  it('messages and other invokes share the same bucket per user', async () => {
    const user = USERS.frontDoor;
    for (let i = 0; i < 3; i++)
      await postActivity(harness.bot.url, teamsMessage({ text: 'help', serviceUrl: harness.connector.url, user }));
    const other = {
      ...teamsMessage({ text: '', serviceUrl: harness.connector.url, user }),
      type: 'invoke',
      name: 'task/fetch',
      text: undefined,
      value: {},
    };
    const response = await postActivity(harness.bot.url, other);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: expect.stringContaining('faster than I can answer') });
  });
});
