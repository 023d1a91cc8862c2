/**
 * Schema changes, applied in order and recorded in `schema_migrations`, so every instance and every engine
 * ends up with the same tables. A migration is never edited once released: add a new one instead.
 * On PostgreSQL an advisory lock makes instances that start together apply each migration once.
 */
import type { SqlDriver } from './sqlDriver';

interface Migration {
  id: number;
  name: string;
  /** The same schema for each engine; only the id column and big integer types differ. */
  sql: (types: EngineTypes) => string;
}

interface EngineTypes {
  id: string;
  bigint: string;
}

const ENGINE_TYPES: Record<SqlDriver['engine'], EngineTypes> = {
  sqlite: { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER' },
  postgres: { id: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT' },
};

const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'referrals, outbox, audit log, conversation references, inbound events',
    sql: ({ id, bigint }) => `
      CREATE TABLE referrals (
        id ${id},
        reference TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        school_id TEXT NOT NULL,
        referrer_id TEXT NOT NULL,
        referrer_name TEXT NOT NULL,
        submission_key TEXT NOT NULL UNIQUE,
        submission_hash TEXT NOT NULL,
        submitted_at ${bigint} NOT NULL,
        decision_due_at ${bigint} NOT NULL,
        adapter TEXT NOT NULL,
        delivery_state TEXT NOT NULL,
        delivered_at ${bigint},
        receiver_reference TEXT,
        delivery_error TEXT,
        outcome_code TEXT,
        outcome_recorded_at ${bigint},
        outcome_recorded_by TEXT,
        outcome_note_sealed TEXT,
        chase_prompted_at ${bigint},
        personal_sealed TEXT,
        personal_deleted_at ${bigint}
      );
      CREATE INDEX referrals_by_school ON referrals (school_id, submitted_at);
      CREATE INDEX referrals_by_referrer ON referrals (referrer_id, submitted_at);
      CREATE INDEX referrals_awaiting_decision ON referrals (kind, outcome_code, submitted_at);
      CREATE TABLE reference_counters (name TEXT PRIMARY KEY, value ${bigint} NOT NULL);
      CREATE TABLE outbox (
        id ${id},
        topic TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        run_at ${bigint} NOT NULL,
        lease_until ${bigint},
        claim_token TEXT,
        last_error TEXT,
        created_at ${bigint} NOT NULL,
        finished_at ${bigint}
      );
      CREATE INDEX outbox_due ON outbox (state, run_at);
      CREATE TABLE audit_log (
        id ${id},
        at ${bigint} NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        reference TEXT,
        school_id TEXT,
        allowed INTEGER NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_by_reference ON audit_log (reference, at);
      CREATE TABLE conversation_references (key TEXT PRIMARY KEY, reference TEXT NOT NULL, updated_at ${bigint} NOT NULL);
      CREATE TABLE inbound_events (event_id TEXT PRIMARY KEY, received_at ${bigint} NOT NULL);`,
  },
  {
    id: 2,
    name: 'school channels, early-help updates and their deliveries, leases',
    sql: ({ id, bigint }) => `
      CREATE TABLE channels (
        conversation_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        team_id TEXT,
        team_name TEXT,
        channel_name TEXT,
        reference TEXT NOT NULL,
        school_id TEXT,
        linked_by TEXT,
        linked_at ${bigint},
        muted_categories TEXT NOT NULL DEFAULT '',
        added_at ${bigint} NOT NULL,
        removed_at ${bigint}
      );
      CREATE INDEX channels_by_school ON channels (school_id);
      CREATE INDEX channels_by_team ON channels (team_id);
      CREATE TABLE updates (
        id ${id},
        source_key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        category TEXT NOT NULL,
        link TEXT,
        expires_on TEXT NOT NULL,
        audience TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        created_at ${bigint} NOT NULL,
        report_sent_at ${bigint}
      );
      CREATE TABLE update_deliveries (
        update_id ${bigint} NOT NULL,
        conversation_id TEXT NOT NULL,
        school_id TEXT NOT NULL,
        state TEXT NOT NULL,
        reason TEXT,
        finished_at ${bigint},
        PRIMARY KEY (update_id, conversation_id)
      );
      CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at ${bigint} NOT NULL);`,
  },
  {
    id: 3,
    name: 'pack version on audit rows; one "Did this help?" vote per person per answer per pack version',
    // answer_feedback was made by the old per-engine feedback stores, so it exists only in older databases:
    // create it if missing, so one statement list serves both. Its votes have no voter; they move over as
    // legacy counts (voter and pack_version NULL). CAST turns PostgreSQL's old BOOLEAN and SQLite's 0/1
    // alike into 0/1, and the old DATE into its YYYY-MM-DD text. Only the day of a vote is kept, as before.
    sql: ({ id }) => `
      ALTER TABLE audit_log ADD COLUMN pack_version TEXT;
      CREATE TABLE IF NOT EXISTS answer_feedback (id ${id}, answer_id TEXT NOT NULL, helpful INTEGER NOT NULL, recorded_on TEXT NOT NULL);
      CREATE TABLE answer_votes (
        id ${id},
        answer_id TEXT NOT NULL,
        pack_version TEXT,
        voter TEXT,
        helpful INTEGER NOT NULL,
        voted_on TEXT NOT NULL
      );
      CREATE UNIQUE INDEX answer_votes_one_per_voter ON answer_votes (answer_id, pack_version, voter);
      INSERT INTO answer_votes (answer_id, pack_version, voter, helpful, voted_on)
        SELECT answer_id, NULL, NULL, CAST(helpful AS INTEGER), CAST(recorded_on AS TEXT) FROM answer_feedback ORDER BY id;
      DROP TABLE answer_feedback`,
  },
  {
    id: 4,
    name: 'per-user message rate limit shared by instances',
    // Used on PostgreSQL (storage/userRateRows.ts); created on both engines so the schemas stay the same.
    sql: ({ bigint }) => `
      CREATE TABLE user_rate_buckets (
        user_key TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        updated_at ${bigint} NOT NULL,
        refusals INTEGER NOT NULL DEFAULT 0
      )`,
  },
  {
    id: 5,
    name: 'the directory (schools and people) on both engines',
    // PostgreSQL deployments already have these tables, made by the old directory store with the same names
    // and columns: IF NOT EXISTS keeps them and their rows. Everywhere else they start empty and are seeded
    // once from the YAML file (directory/sqlDirectory.ts).
    sql: () => `
      CREATE TABLE IF NOT EXISTS directory_schools (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        urn TEXT NOT NULL,
        phase TEXT NOT NULL,
        teams_team_id TEXT
      );
      CREATE TABLE IF NOT EXISTS directory_people (
        aad_object_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        upn TEXT,
        role TEXT NOT NULL,
        school_id TEXT REFERENCES directory_schools(id)
      );
      CREATE INDEX IF NOT EXISTS directory_people_by_school ON directory_people (school_id)`,
  },
];

/** Every migration's id, in order (what schema_migrations holds once all are applied). */
export const MIGRATION_IDS = MIGRATIONS.map((migration) => migration.id);

/** Any arbitrary number works as long as every instance uses the same one. */
const POSTGRES_MIGRATION_LOCK = 815_231_007;

/** Applies every migration the database has not had yet. Safe to call from several instances at once. */
export async function migrate(driver: SqlDriver): Promise<void> {
  const types = ENGINE_TYPES[driver.engine];
  await driver.transaction(async (tx) => {
    // Lock first: even CREATE TABLE IF NOT EXISTS fails when two PostgreSQL sessions run it at once.
    if (driver.engine === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [POSTGRES_MIGRATION_LOCK]);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${types.bigint} NOT NULL)`,
    );
    const applied = new Set((await tx.all<{ id: number }>('SELECT id FROM schema_migrations')).map((row) => Number(row.id)));
    for (const migration of MIGRATIONS.filter((m) => !applied.has(m.id))) {
      for (const statement of splitStatements(migration.sql(types))) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [migration.id, migration.name, Date.now()]);
    }
  });
}

/** Our migrations hold no semicolons inside strings, so splitting on them is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * The driver the rest of the bot uses: its first call applies the migrations, and every call waits until
 * they have succeeded. If the database is down at start-up the bot still starts (and /readyz says not
 * ready); the next call tries the migrations again.
 */
export function migratedDriver(driver: SqlDriver): SqlDriver {
  let migrated: Promise<void> | undefined;
  const ready = () => {
    migrated ??= migrate(driver).catch((error) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  return {
    engine: driver.engine,
    all: async (sql, params) => (await ready(), driver.all(sql, params)),
    run: async (sql, params, options) => (await ready(), driver.run(sql, params, options)),
    exec: async (sql) => (await ready(), driver.exec(sql)),
    transaction: async (work) => (await ready(), driver.transaction(work)),
  };
}
