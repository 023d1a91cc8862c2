import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralCardContext } from '../../src/cards/referralCards';
import { notificationCards } from '../../src/cards/referralNoticeCards';
import { loadConfig } from '../../src/config';
import { openDirectory } from '../../src/directory/openDirectory';
import type { SqlDirectory } from '../../src/directory/sqlDirectory';
import { createLogger } from '../../src/logging/logger';
import { deleteExpiredPersonalData, queueChasePrompts } from '../../src/referrals/housekeeping';
import type { PersonNotifier } from '../../src/outbox/recipients';
import { viewReferral } from '../../src/referrals/readReferrals';
import { recordOutcomeByStaff } from '../../src/referrals/recordOutcome';
import { createReferralRuntime, type ReferralRuntime } from '../../src/referrals/referralRuntime';
import { submitReferral } from '../../src/referrals/submitReferral';
import { auditTrail } from '../../src/storage/auditRows';
import { USERS } from '../support/activities';
import { ENGINES, openTestDatabase } from '../support/databases';
import { realKnowledgeBase } from '../support/knowledge';
import { validForm } from '../support/referralForms';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const knowledge = realKnowledgeBase();
const cards: ReferralCardContext = {
  timeZone: 'Europe/London',
  frontDoor: knowledge.contact('front-door')!,
  emergencyContacts: knowledge.emergencyContacts(),
  disclaimer: 'x',
};

describe.each(ENGINES)('following a referral up over days, on %s', (engine) => {
  let runtime: ReferralRuntime;
  let directory: SqlDirectory;
  let close: () => Promise<void>;
  let clock = Date.UTC(2026, 10, 23, 10, 0); // Monday 23 November 2026, 10:00 in London
  const sent: Array<{ to: string; card: string }> = [];
  const notifier: PersonNotifier = { sendCard: async (to, card) => (sent.push({ to, card: JSON.stringify(card) }), 'sent') };
  const dsl = () => directory.findPerson(USERS.dslSamplePrimary)!;
  const frontDoor = () => directory.findPerson(USERS.frontDoor)!;
  const submit = async (nonce: string) => {
    const result = await submitReferral(runtime.deps, dsl(), {
      kind: 'front-door',
      values: validForm('front-door'),
      nonce,
      activityId: nonce,
    });
    if (result.status !== 'stored') throw new Error(result.status);
    return result.referral.reference;
  };
  const chases = () => sent.filter((s) => s.card.includes('No decision recorded yet'));

  beforeAll(async () => {
    const opened = await openTestDatabase(engine);
    close = opened.close;
    directory = await openDirectory(loadConfig({ DATA_DIR: opened.dataDir }), opened.database);
    runtime = createReferralRuntime({
      config: loadConfig({ DATA_DIR: opened.dataDir, REFERRAL_RETENTION_DAYS: '30' }),
      sql: opened.database.sql,
      directory,
      logger: createLogger('silent'),
      notifier,
      notificationCards: notificationCards(cards),
      now: () => clock,
    });
  });
  afterAll(async () => {
    directory.stop();
    await close();
  });

  it('no chase prompt before a working day has passed; one after, to the referrer only, and only once', async () => {
    const reference = await submit('chase-nonce-0001');
    await runtime.worker.runOnce(); // delivered to the front door's inbox
    clock += 23 * HOUR;
    expect(await queueChasePrompts(runtime.deps)).toBe(0);
    clock += 2 * HOUR; // Tuesday 11:00
    expect(await queueChasePrompts(runtime.deps)).toBe(1);
    await runtime.worker.runOnce();
    expect(chases()).toHaveLength(1);
    expect(chases()[0].to).toBe(USERS.dslSamplePrimary);
    expect(chases()[0].card).toContain(reference);
    expect(chases()[0].card).toContain('escalation procedure');
    clock += DAY;
    expect(await queueChasePrompts(runtime.deps)).toBe(0);
  });

  it('a referral made on Friday afternoon is not chased over the weekend, but on Monday', async () => {
    clock = Date.UTC(2026, 10, 27, 15, 0); // Friday
    const reference = await submit('chase-nonce-0002');
    await runtime.worker.runOnce();
    clock = Date.UTC(2026, 10, 29, 18, 0); // Sunday evening
    expect(await queueChasePrompts(runtime.deps)).toBe(0);
    clock = Date.UTC(2026, 10, 30, 15, 1); // Monday, a minute after due
    expect(await queueChasePrompts(runtime.deps)).toBe(1);
    await runtime.worker.runOnce();
    expect(chases().at(-1)!.card).toContain(reference);
  });

  it('a referral with an outcome is never chased', async () => {
    clock = Date.UTC(2026, 11, 1, 9, 0);
    const reference = await submit('chase-nonce-0003');
    await runtime.worker.runOnce();
    expect(
      (
        await recordOutcomeByStaff(runtime.deps, frontDoor(), reference, {
          code: 'passed-to-early-help',
          note: 'Family agreed to early help; lead professional to be named.',
        })
      ).status,
    ).toBe('recorded');
    clock += 3 * DAY;
    expect(await queueChasePrompts(runtime.deps)).toBe(0);
  });

  it('personal details are deleted 30 days after the outcome; the reference, dates and outcome remain', async () => {
    const reference = await submit('retention-nonce-1');
    await runtime.worker.runOnce();
    await recordOutcomeByStaff(runtime.deps, frontDoor(), reference, {
      code: 'advice-nfa',
      note: 'Advice given to the DSL about monitoring and recording.',
    });
    const decidedAt = clock;
    clock = decidedAt + 29 * DAY;
    expect(await deleteExpiredPersonalData(runtime.deps, 30)).not.toContain(reference);
    expect((await viewReferral(runtime.deps, dsl(), reference))?.form?.childFirstName).toBe('Jayden');

    clock = decidedAt + 30 * DAY + HOUR;
    expect(await deleteExpiredPersonalData(runtime.deps, 30)).toContain(reference);
    const after = (await viewReferral(runtime.deps, dsl(), reference))!;
    expect(after.form).toBeUndefined();
    expect(after.outcome?.note).toBeUndefined();
    expect(after.outcome?.label).toBe('Advice given / no further action');
    expect(after.summary).toMatchObject({ reference, childInitials: '–', personalDataDeleted: true });
    const trail = await auditTrail(runtime.deps.sql, reference);
    expect(trail.find((entry) => entry.action === 'personal-data.deleted')).toMatchObject({
      actor: 'system:retention',
      detail: '30 days after the outcome',
    });
  });
});
