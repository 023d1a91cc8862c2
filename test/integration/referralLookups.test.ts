/**
 * Existence by timing: a refused look at a real referral used to write an audit row while an unknown
 * reference returned before it, so the refusal was measurably slower. Both now take the same path. These
 * tests compare what each does (the reply, the SQL statements run, the audit row), not how long it takes.
 */
import { describe, expect, it } from 'vitest';
import { countJobsByState } from '../../src/storage/outboxRows';
import type { SqlDriver, SqlValue } from '../../src/storage/sqlDriver';
import { USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { submission } from '../support/referralForms';
import { useBotWithConnector } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const UNKNOWN = 'FD-2026-999999';

describe.each(ENGINES)('a referral someone may not see looks exactly like one that does not exist, on %s', (engine) => {
  const harness = useBotWithConnector({ DELIVERY_POLL_MS: '50', RATE_LIMIT_BURST: '1000' }, engine);
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );

  /** Runs `action` with the referral use cases' database wrapped so every statement they send is listed. */
  async function statementsDuring(action: () => Promise<unknown>): Promise<string[]> {
    const deps = harness.bot.referrals.deps;
    const real = deps.sql;
    const statements: string[] = [];
    const note = (sql: string) => statements.push(sql.replace(/\s+/g, ' ').trim());
    deps.sql = Object.assign(Object.create(real) as SqlDriver, {
      all: (sql: string, params?: readonly SqlValue[]) => (note(sql), real.all(sql, params)),
      run: (sql: string, params?: readonly SqlValue[]) => (note(sql), real.run(sql, params)),
    });
    try {
      await action();
    } finally {
      deps.sql = real;
    }
    return statements;
  }
  const outboxIdle = () =>
    waitFor('the outbox to be idle', async () => {
      const jobs = await countJobsByState(harness.bot.database.sql);
      return jobs.pending + jobs['in-flight'] === 0;
    });
  const viewAudits = (reference: string) =>
    harness.bot.database.sql.all<{ actor: string; schoolId: string | null; allowed: number }>(
      `SELECT actor, school_id AS "schoolId", allowed FROM audit_log WHERE action = 'referral.viewed' AND reference = ? ORDER BY id`,
      [reference],
    );

  it('another school’s DSL asking for an existing referral and for an unknown one: same reply, same statements, one refused audit row each', async () => {
    await users.say(USERS.dslSamplePrimary, 'whoami');
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'lookup-nonce-0001'));
    const existing = users
      .seen(USERS.dslSamplePrimary)
      .join(' ')
      .match(/FD-\d{4}-\d{6}/)![0];
    await users.say(USERS.dslSampleSecondary, 'whoami');
    await outboxIdle(); // delivery and notifications share the referral database; measure nothing but the look

    const forExisting = await statementsDuring(() => users.say(USERS.dslSampleSecondary, `status ${existing}`));
    const replyToExisting = users.lastSeen(USERS.dslSampleSecondary);
    const forUnknown = await statementsDuring(() => users.say(USERS.dslSampleSecondary, `status ${UNKNOWN}`));
    const replyToUnknown = users.lastSeen(USERS.dslSampleSecondary);

    expect(replyToExisting.replace(existing, '<reference>')).toBe(replyToUnknown.replace(UNKNOWN, '<reference>'));
    expect(forExisting.length).toBeGreaterThan(0);
    expect(forExisting).toEqual(forUnknown);
    expect(await viewAudits(existing)).toEqual([{ actor: USERS.dslSampleSecondary, schoolId: 'sample-primary', allowed: 0 }]);
    expect(await viewAudits(UNKNOWN)).toEqual([{ actor: USERS.dslSampleSecondary, schoolId: null, allowed: 0 }]);
  });

  it('early-help staff pressing Record outcome on a front-door referral and on an unknown one: same reply, same statements', async () => {
    const existing = users
      .seen(USERS.dslSamplePrimary)
      .join(' ')
      .match(/FD-\d{4}-\d{6}/)![0];
    const press = (reference: string) =>
      users.press(USERS.earlyHelp, {
        verb: 'recordOutcome',
        reference,
        outcome: 'advice-nfa',
        note: 'Trying to decide a referral that is not ours.',
      });
    await users.say(USERS.earlyHelp, 'whoami');
    await outboxIdle();
    const forExisting = await statementsDuring(() => press(existing));
    const replyToExisting = users.lastSeen(USERS.earlyHelp);
    const forUnknown = await statementsDuring(() => press(UNKNOWN));
    expect(replyToExisting).toBe(users.lastSeen(USERS.earlyHelp));
    expect(forExisting).toEqual(forUnknown);
  });

  it('a school DSL pressing Retry delivery on an existing referral and on an unknown one: same reply, same statements, both audited', async () => {
    const existing = users
      .seen(USERS.dslSamplePrimary)
      .join(' ')
      .match(/FD-\d{4}-\d{6}/)![0];
    const press = (reference: string) => users.press(USERS.dslSampleSecondary, { verb: 'retryDelivery', reference });
    await outboxIdle();
    const forExisting = await statementsDuring(() => press(existing));
    const replyToExisting = users.lastSeen(USERS.dslSampleSecondary);
    const forUnknown = await statementsDuring(() => press(UNKNOWN));
    expect(replyToExisting.replace(existing, '<reference>')).toBe(users.lastSeen(USERS.dslSampleSecondary).replace(UNKNOWN, '<reference>'));
    expect(forExisting.length).toBeGreaterThan(0);
    expect(forExisting).toEqual(forUnknown);
    const refusals = await harness.bot.database.sql.all<{ reference: string }>(
      `SELECT reference FROM audit_log WHERE action = 'referral.delivery-retried' AND allowed = ? ORDER BY id`,
      [0],
    );
    expect(refusals.map((row) => row.reference)).toEqual([existing, UNKNOWN]);
  });
});
