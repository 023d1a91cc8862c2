/**
 * The conversation handlers' decisions, through a hand-built Turn: no Teams SDK, no HTTP. Who may refer,
 * see a status, change a channel or post an update, and what each is told otherwise.
 */
import { WORKING_DAYS_FILE } from '../../src/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answers/answerService';
import {
  immediateDangerCheckCard,
  immediateDangerStopCard,
  referralChooserCard,
  type ReferralCardContext,
} from '../../src/cards/referralCards';
import { WorkingCalendar } from '../../src/calendar/workingCalendar';
import type { ConversationDeps } from '../../src/conversation/conversationDeps';
import { conversationRoutes } from '../../src/conversation/conversationRoutes';
import type { Route } from '../../src/conversation/routes';
import type { Directory } from '../../src/directory/directory';
import type { DirectoryData, Person } from '../../src/directory/schema';
import { createLogger } from '../../src/logging/logger';
import type { ReferralDeps } from '../../src/referrals/referralDeps';
import type { Database } from '../../src/storage/database';
import { findChannel, rememberChannel } from '../../src/storage/channelRows';
import type { UpdateDeps } from '../../src/updates/updateDeps';
import { openTestDatabase } from '../support/databases';
import { fakeTurn, messageRouteFor, press, say } from '../support/fakeTurn';
import { realKnowledgeBase } from '../support/knowledge';

const NOW = Date.parse('2026-11-30T10:00:00Z');

const person = (name: string, id: string, role: Person['role'], school?: string): Person =>
  ({ name, aadObjectId: id, upn: `${id}@example.com`, role, school }) as Person;
const DSL = person('Dana Lead', 'dsl-1', 'dsl', 'primary');
const TEACHER = person('Tom Teacher', 'staff-1', 'staff', 'primary');
const OTHER_DSL = person('Olu Other', 'dsl-2', 'dsl', 'secondary');
const EARLY_HELP = person('Eve Helper', 'eh-1', 'early-help');
const FRONT_DOOR = person('Fred Door', 'fd-1', 'front-door');

const DIRECTORY: DirectoryData = {
  schools: [
    { id: 'primary', name: 'Primary School', urn: '900001', phase: 'primary', teamsTeamId: 'team-primary' },
    { id: 'secondary', name: 'Secondary School', urn: '900002', phase: 'secondary' },
  ],
  people: [DSL, TEACHER, OTHER_DSL, EARLY_HELP, FRONT_DOOR],
} as DirectoryData;

/** Reads only: no handler below changes the directory. */
const directory = {
  findPerson: (id: string | undefined) => DIRECTORY.people.find((entry) => entry.aadObjectId === id?.toLowerCase()),
  school: (id: string) => DIRECTORY.schools.find((school) => school.id === id),
  snapshot: () => DIRECTORY,
} as unknown as Directory;

const as = (user: Person | undefined) => ({ aadObjectId: user?.aadObjectId ?? 'stranger-1', tenantId: 'council' });

let database: Database;
let closeDatabase: () => Promise<void>;
let routes: Route[];
let cards: ReferralCardContext;

beforeAll(async () => {
  ({ database, close: closeDatabase } = await openTestDatabase('sqlite'));
  const knowledge = realKnowledgeBase();
  const calendar = WorkingCalendar.load(WORKING_DAYS_FILE);
  const logger = createLogger('silent');
  cards = {
    timeZone: calendar.timeZone,
    frontDoor: knowledge.contact(knowledge.pack.info.frontDoorContact)!,
    emergencyContacts: knowledge.emergencyContacts(),
    disclaimer: knowledge.pack.info.disclaimer,
  };
  const now = () => NOW;
  const deps: ConversationDeps = {
    knowledge,
    answers: new AnswerService(knowledge),
    database,
    directory,
    logger,
    // Only what the decisions below reach; a use case that needed more would fail loudly.
    referrals: { calendar, now, directory, sql: database.sql, logger } as unknown as ReferralDeps,
    cardContext: cards,
    updates: { calendar, now, directory, sql: database.sql, logger } as unknown as UpdateDeps,
  };
  routes = conversationRoutes(deps);
});

afterAll(async () => closeDatabase());

const PRIVATE = /only handled in your personal chat/;

describe('referral handlers', () => {
  it('a DSL who types refer in their personal chat gets the choice of the two kinds', async () => {
    const sent = await say(routes, fakeTurn({ user: as(DSL), text: 'refer' }));
    expect(sent).toEqual([{ kind: 'card', card: referralChooserCard(cards) }]);
  });

  it('a front door referral starts with the immediate-danger question; "yes" replaces it with the stop card', async () => {
    expect(await say(routes, fakeTurn({ user: as(DSL), text: 'refer mash' }))).toEqual([
      { kind: 'card', card: immediateDangerCheckCard() },
    ]);
    expect(await press(routes, 'immediateDanger', { answer: 'yes' }, fakeTurn({ user: as(DSL) }))).toEqual([
      { kind: 'replaced', card: immediateDangerStopCard(cards) },
    ]);
  });

  it('referrals are refused in a channel or group chat, before anything about the person is looked at', async () => {
    for (const kind of ['channel', 'groupChat'] as const) {
      const sent = await say(routes, fakeTurn({ user: as(DSL), text: 'refer', place: { kind } }));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(PRIVATE) });
    }
  });

  it('someone not in the directory is told how to get access, quoting their Entra id', async () => {
    const sent = await say(routes, fakeTurn({ user: { aadObjectId: 'stranger-1' }, text: 'refer' }));
    expect(sent).toEqual([{ kind: 'text', text: expect.stringContaining('stranger-1') }]);
  });

  it('council staff are sent to their inbox instead of a referral form', async () => {
    const sent = await say(routes, fakeTurn({ user: as(FRONT_DOOR), text: 'refer early help' }));
    expect(sent).toEqual([{ kind: 'text', text: expect.stringContaining('**inbox**') }]);
  });

  it('a submit whose kind is forged or missing stores nothing and says the form is out of date', async () => {
    for (const kind of ['child-protection', 42, undefined]) {
      const sent = await press(routes, 'submitReferral', { kind, nonce: 'abcdefgh12' }, fakeTurn({ user: as(DSL) }));
      expect(sent).toEqual([{ kind: 'text', text: 'That form is out of date. Type **refer** to start a new one.' }]);
    }
  });
});

describe('status handlers', () => {
  it('"status" lists, "status <reference>" opens one, and any other "status …" is a question for the pack', () => {
    const route = (text: string) => messageRouteFor(routes, fakeTurn({ text }));
    const list = route('status');
    const one = route('status FD-2026-000124');
    expect(list).toBeDefined();
    expect(one).toBeDefined();
    expect(one).not.toBe(list);
    const question = route('status of a child in care');
    expect(question).not.toBe(list);
    expect(question).not.toBe(one);
    expect(question).toBe(routes.at(-1)); // the catch-all question route
  });

  it('council staff are pointed to their inbox; someone unknown is told how to get access', async () => {
    expect(await say(routes, fakeTurn({ user: as(EARLY_HELP), text: 'status' }))).toEqual([
      { kind: 'text', text: expect.stringContaining('Council staff work from **inbox**') },
    ]);
    expect(await say(routes, fakeTurn({ user: { aadObjectId: 'stranger-1' }, text: 'status' }))).toEqual([
      { kind: 'text', text: expect.stringContaining('stranger-1') },
    ]);
  });

  it('an Open button with a forged reference gets the same words as a referral that is not theirs', async () => {
    const sent = await press(routes, 'showReferral', { reference: { $ne: '' } }, fakeTurn({ user: as(DSL) }));
    expect(sent).toEqual([{ kind: 'text', text: expect.stringMatching(/^I can’t show that referral\./) }]);
  });

  it('a status is never shown in a channel', async () => {
    const sent = await say(routes, fakeTurn({ user: as(DSL), text: 'status FD-2026-000124', place: { kind: 'channel' } }));
    expect(sent).toEqual([{ kind: 'text', text: expect.stringMatching(PRIVATE) }]);
  });
});

describe('channel handlers', () => {
  const channelId = '19:primary-general@thread.tacv2';
  const inChannel = (user: Person) =>
    fakeTurn({ user: as(user), place: { kind: 'channel', conversationId: `${channelId};messageid=1`, channelId, teamId: 'team-primary' } });

  beforeAll(async () => {
    await rememberChannel(
      database.sql,
      {
        conversationId: channelId,
        tenantId: 'council',
        teamId: 'team-primary',
        teamName: 'Primary',
        channelName: 'General',
        reference: {},
      },
      NOW,
    );
  });

  it('linking is refused outside a channel', async () => {
    const sent = await say(routes, fakeTurn({ user: as(DSL), text: 'link channel' }));
    expect(sent).toEqual([{ kind: 'text', text: expect.stringContaining('Do this in your school’s Teams channel') }]);
  });

  it('a teacher, or another school’s DSL, cannot link the school’s channel; nothing changes', async () => {
    for (const user of [TEACHER, OTHER_DSL]) {
      const sent = await press(routes, 'linkChannel', { schoolId: user.school }, inChannel(user));
      expect(sent).toEqual([{ kind: 'text', text: expect.stringContaining('Only this school’s DSL or headteacher') }]);
    }
    expect((await findChannel(database.sql, channelId))?.schoolId ?? null).toBeNull();
  });

  it('the school’s DSL links it, and the link card replaces the one pressed', async () => {
    const sent = await press(routes, 'linkChannel', {}, inChannel(DSL));
    expect(sent).toEqual([{ kind: 'replaced', card: expect.any(Object) }]);
    expect((await findChannel(database.sql, channelId))?.schoolId).toBe('primary');
  });

  it('when the bot is removed from the team, the channel is marked removed', async () => {
    const removal = routes.find((route) => route.on === 'botRemovedFromTeam');
    if (removal?.on !== 'botRemovedFromTeam') throw new Error('no removal route');
    expect((await findChannel(database.sql, channelId))?.removedAt).toBeNull();
    await removal.handle(inChannel(DSL));
    expect((await findChannel(database.sql, channelId))?.removedAt).toEqual(expect.any(Number));
  });
});

describe('update handlers', () => {
  it('only early-help staff may open the update form, and only in their personal chat', async () => {
    expect(await say(routes, fakeTurn({ user: as(DSL), text: 'post update' }))).toEqual([
      { kind: 'text', text: expect.stringContaining('for the council’s early-help staff') },
    ]);
    expect(await say(routes, fakeTurn({ user: as(EARLY_HELP), text: 'post update', place: { kind: 'channel' } }))).toEqual([
      { kind: 'text', text: expect.stringContaining('Post updates from your personal chat with me') },
    ]);
    expect(await say(routes, fakeTurn({ user: as(EARLY_HELP), text: 'post update' }))).toEqual([
      { kind: 'card', card: expect.any(Object) },
    ]);
  });

  it('a Send with fields missing brings the form back in place, with nothing posted', async () => {
    const sent = await press(routes, 'sendUpdate', { title: '', nonce: 'abcdefgh12' }, fakeTurn({ user: as(EARLY_HELP) }));
    expect(sent).toEqual([{ kind: 'replaced', card: expect.any(Object) }]);
    expect(JSON.stringify(sent[0])).toContain('Not sent. Please check the fields marked below.');
  });

  it('a report button with a forged update id is refused in words', async () => {
    const sent = await press(routes, 'updateReport', { updateId: '1 OR 1=1' }, fakeTurn({ user: as(EARLY_HELP) }));
    expect(sent).toEqual([{ kind: 'text', text: 'I can’t show that report.' }]);
  });
});
