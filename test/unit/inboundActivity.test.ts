/**
 * The shape check at the HTTP edge: permissive enough for every activity Teams and the Agents Playground
 * send (the fixtures the rest of the tests use, plus the less common kinds), strict on the fields that
 * routing and tenancy rely on, and forgiving (dropping, not refusing) content a person controls.
 */
import { describe, expect, it } from 'vitest';
import { parseInboundActivity } from '../../src/http/inboundActivity';
import {
  cardActionInvoke,
  cardSubmit,
  channelActivity,
  channelMessage,
  teamInstall,
  teamsMessage,
  teamUninstall,
} from '../support/activities';
import { composeQuery, composeSelectItem, refreshInvoke } from '../support/teamsInvokes';

const serviceUrl = 'https://smba.trafficmanager.net/uk/';
const base = teamsMessage({ text: 'help', serviceUrl });

const realShapes: Array<[string, object]> = [
  ['a personal message', base],
  ['a card submit', cardSubmit({ serviceUrl, value: { verb: 'help' } })],
  ['a channel message', channelMessage({ text: 'help', serviceUrl })],
  ['a channel post with a mention', channelActivity({ serviceUrl, teamId: '19:t@thread.tacv2', user: 'u', text: 'help' })],
  ['the bot added to a team', teamInstall({ serviceUrl, teamId: '19:t@thread.tacv2', teamName: 'Staff' })],
  ['the bot removed from a team', teamUninstall({ serviceUrl, teamId: '19:t@thread.tacv2' })],
  ['an Action.Execute invoke', cardActionInvoke({ serviceUrl, verb: 'help' })],
  [
    'a card refresh (Universal Actions, trigger automatic)',
    refreshInvoke({ serviceUrl, verb: 'refreshReferral', data: { reference: 'FD-2026-000001', view: 'receipt' } }),
  ],
  ['a compose-box search (composeExtension/query)', composeQuery({ serviceUrl, text: 'neglect' })],
  ['a compose-box search as it first opens', composeQuery({ serviceUrl, initialRun: true })],
  [
    'a compose-box result chosen (composeExtension/selectItem)',
    composeSelectItem({ serviceUrl, value: { answerId: 'neglect', query: 'neglect' } }),
  ],
  ['a message reaction', { ...base, type: 'messageReaction', text: undefined, reactionsAdded: [{ type: 'like' }], replyToId: '1' }],
  ['a typing indicator', { ...base, type: 'typing', text: undefined }],
  ['an installation update', { ...base, type: 'installationUpdate', action: 'add', text: undefined }],
  ['a sign-in invoke', { ...base, type: 'invoke', name: 'signin/verifyState', value: { state: '123' }, text: undefined }],
  ['an event', { ...base, type: 'event', name: 'application/vnd.microsoft.meetingStart', value: 'anything' }],
  [
    'a message with attachments and extra Teams fields',
    {
      ...base,
      attachments: [{ contentType: 'text/html', content: '<p>help</p>' }],
      textFormat: 'plain',
      locale: 'en-GB',
      localTimezone: 'Europe/London',
      entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web' }],
    },
  ],
  [
    'the Playground (no aadObjectId, no tenant)',
    { ...base, from: { id: 'user-1', name: 'Alex' }, channelData: undefined, conversation: { id: 'c1' } },
  ],
];

describe('inbound activity shape', () => {
  it.each(realShapes)('accepts %s', (_label, activity) => {
    expect(parseInboundActivity(JSON.parse(JSON.stringify(activity)))).toMatchObject({ ok: true });
  });

  const refused: Array<[string, unknown, string]> = [
    ['an empty object', {}, 'type'],
    ['an array', [base], '(body)'],
    ['no conversation', { ...base, conversation: undefined }, 'conversation'],
    ['a conversation without an id', { ...base, conversation: { conversationType: 'personal' } }, 'conversation.id'],
    ['a number as aadObjectId', { ...base, from: { ...base.from, aadObjectId: 42 } }, 'from.aadObjectId'],
    [
      'an object as conversationType',
      { ...base, conversation: { ...base.conversation, conversationType: {} } },
      'conversation.conversationType',
    ],
    ['a number as tenant id', { ...base, channelData: { tenant: { id: 1 } } }, 'channelData.tenant.id'],
    ['no sender', { ...base, from: undefined }, 'from'],
    ['no channel id', { ...base, channelId: undefined }, 'channelId'],
  ];

  it.each(refused)('refuses %s, naming the field', (_label, body, field) => {
    expect(parseInboundActivity(JSON.parse(JSON.stringify(body) ?? 'null'))).toEqual({ ok: false, field });
  });

  it('drops text that is not a string, and a message value that is not an object', () => {
    const parsed = parseInboundActivity({ ...base, text: { a: 1 }, value: null });
    expect(parsed.ok && [parsed.activity.text, parsed.activity.value]).toEqual([undefined, undefined]);
  });

  it('keeps an invoke’s value whatever it is, and unknown fields untouched', () => {
    const parsed = parseInboundActivity({ ...base, type: 'invoke', value: null, futureField: { x: 1 } });
    expect(parsed.ok && parsed.activity).toMatchObject({ value: null, futureField: { x: 1 } });
  });
});
