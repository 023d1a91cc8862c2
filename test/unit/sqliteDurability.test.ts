/**
 * SQLite waits for the disk (synchronous=FULL) before a referral, an outcome or any change is reported as
 * stored. Only two single-statement writes skip that wait, because their loss in a power cut tells no one
 * anything false: a saved conversation reference, and the audit row of someone allowed to list or view referrals.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../../src/storage/auditRows';
import { saveConversationReference } from '../../src/storage/conversationRows';
import { SqliteDatabase } from '../../src/storage/sqliteDatabase';

describe('SQLite durability', () => {
  let database: SqliteDatabase;
  let synchronousSettings: string[];

  beforeEach(async () => {
    database = new SqliteDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'durability-')), 'safeguarding.db'));
    await database.sql.all('SELECT 1'); // migrations first, so only the writes below are watched
    synchronousSettings = [];
    const pragma = database.connection.pragma.bind(database.connection);
    vi.spyOn(database.connection, 'pragma').mockImplementation(((source: string, options?: object) => {
      if (source.startsWith('synchronous')) synchronousSettings.push(source);
      return pragma(source, options as never);
    }) as typeof database.connection.pragma);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await database.close();
  });

  const synchronous = () => database.connection.prepare('PRAGMA synchronous').pluck().get();
  const FULL = 2;

  it('writes a referral-changing audit row, a refused read and any transaction with synchronous=FULL', async () => {
    await appendAudit(database.sql, { at: 1, actor: 'a', action: 'outcome.recorded', reference: 'FD-2026-000001', allowed: false });
    // A refused look at a referral is the trace of someone probing references: it must survive a power cut.
    await appendAudit(database.sql, { at: 1, actor: 'a', action: 'referral.viewed', reference: 'FD-2026-000001', allowed: false });
    await database.sql.transaction(async (tx) => {
      await appendAudit(tx, { at: 2, actor: 'a', action: 'referral.listed', allowed: true });
    });
    expect(synchronousSettings).toEqual([]);
    expect(synchronous()).toBe(FULL);
  });

  it('writes a conversation reference and a listing’s audit row without waiting for the disk, then goes back to FULL', async () => {
    await saveConversationReference(database.sql, 'person:a', { conversation: { id: 'c' } }, 1);
    await appendAudit(database.sql, { at: 3, actor: 'a', action: 'referral.listed', allowed: true });
    await appendAudit(database.sql, { at: 4, actor: 'a', action: 'referral.viewed', reference: 'FD-2026-000001', allowed: true });
    expect(synchronousSettings).toEqual(Array.from({ length: 3 }, () => ['synchronous = NORMAL', 'synchronous = FULL']).flat());
    expect(synchronous()).toBe(FULL);
    expect(await database.sql.all('SELECT action FROM audit_log ORDER BY at')).toEqual([
      { action: 'referral.listed' },
      { action: 'referral.viewed' },
    ]);
  });
});
