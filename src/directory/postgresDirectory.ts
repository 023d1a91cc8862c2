/**
 * The directory in PostgreSQL, for councils that run several bot instances or manage staff lists in a
 * database. Reads come from an in-memory copy (every message looks up its sender), refreshed after each
 * change and every `refreshMs`, so an edit made by another instance or directly in SQL shows up quickly.
 * Writes are validated against the same zod schema as the YAML file before they are committed.
 *
 * Several instances may start at the same moment on an empty database: the tables are created and seeded
 * under an advisory lock, so exactly one of them seeds and the others wait and then read its rows. Until the
 * first load succeeds, loading is retried quickly (from half a second, doubling up to `refreshMs`), because
 * meanwhile every DSL on this instance is unknown and cannot refer.
 */
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logging/logger';
import { watchConnection } from '../storage/postgresDriver';
import { CachedDirectory } from './cachedDirectory';
import { directoryFileSchema, type DirectoryData, type Person, type School } from './schema';
import { parseDirectory } from './yamlDirectory';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS directory_schools (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, urn TEXT NOT NULL, phase TEXT NOT NULL, teams_team_id TEXT
  );
  CREATE TABLE IF NOT EXISTS directory_people (
    aad_object_id TEXT PRIMARY KEY, name TEXT NOT NULL, upn TEXT, role TEXT NOT NULL,
    school_id TEXT REFERENCES directory_schools(id)
  );`;

/** Any number works as long as every instance uses the same one (and it differs from the migrations' lock). */
const DIRECTORY_SEED_LOCK = 815_231_008;
/** The first retry after a failed load; each later one waits twice as long, up to the refresh interval. */
const FIRST_RETRY_MS = 500;

export class PostgresDirectory extends CachedDirectory {
  // this.data stays empty until the database has answered: meanwhile everyone is unknown (fails closed).
  private ready = false;
  /** True once the tables have been read successfully at least once. */
  private loaded = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;

  private constructor(
    private readonly pool: Pool,
    private readonly seedYaml: string,
    private readonly refreshMs: number,
    private readonly logger?: Logger,
  ) {
    super();
  }

  /**
   * Creates the tables, seeds them from `seedYaml` when empty, and loads the directory. If PostgreSQL is
   * down the bot still starts (and /readyz says not ready) and tries again within seconds.
   */
  static async open(pool: Pool, seedYaml: string, options: { logger?: Logger; refreshMs?: number } = {}): Promise<PostgresDirectory> {
    const directory = new PostgresDirectory(pool, seedYaml, options.refreshMs ?? 30_000, options.logger);
    await directory.reloadAndSchedule();
    return directory;
  }

  /** False until the directory has been read from the database: /readyz reports not ready meanwhile. */
  isLoaded(): boolean {
    return this.loaded;
  }

  /**
   * Creates the tables and seeds them when empty, holding the lock so that instances starting together
   * neither create the tables twice nor insert the seed twice: the second finds the rows the first committed.
   */
  private async prepare(): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_SEED_LOCK]);
      await client.query(SCHEMA);
      const { rows } = await client.query('SELECT (SELECT COUNT(*) FROM directory_schools) + (SELECT COUNT(*) FROM directory_people) AS n');
      if (Number(rows[0].n) === 0) await insertAll(client, parseDirectory(this.seedYaml, 'seed directory'));
    });
    this.ready = true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Reloads, then plans the next reload: soon after a failure, otherwise after the refresh interval. */
  private async reloadAndSchedule(): Promise<void> {
    const succeeded = await this.load();
    if (this.stopped) return;
    const delay = succeeded ? this.refreshMs : this.retryMs;
    this.retryMs = succeeded ? FIRST_RETRY_MS : Math.min(this.refreshMs, this.retryMs * 2);
    this.timer = setTimeout(() => void this.reloadAndSchedule(), delay);
    this.timer.unref();
  }

  /** Re-reads the tables. Rows that break the directory's rules are refused and the last good copy kept. */
  async reload(): Promise<void> {
    await this.load();
  }

  /** Reloads; resolves to whether the database answered with a valid directory. */
  private async load(): Promise<boolean> {
    try {
      if (!this.ready) await this.prepare();
      const schools = await this.pool.query('SELECT id, name, urn, phase, teams_team_id FROM directory_schools ORDER BY id');
      const people = await this.pool.query('SELECT aad_object_id, name, upn, role, school_id FROM directory_people ORDER BY name');
      const parsed = directoryFileSchema.safeParse({
        schools: schools.rows.map((r) => withoutNulls({ id: r.id, name: r.name, urn: r.urn, phase: r.phase, teamsTeamId: r.teams_team_id })),
        people: people.rows.map((r) => withoutNulls({ name: r.name, aadObjectId: r.aad_object_id, upn: r.upn, role: r.role, school: r.school_id })),
      });
      if (!parsed.success) {
        this.logger?.error({ issues: parsed.error.issues.length }, 'directory tables break the rules; keeping the previous version');
        return false;
      }
      this.data = parsed.data;
      this.loaded = true;
      return true;
    } catch (error) {
      this.logger?.error({ err: { message: (error as Error).message } }, 'directory reload failed; keeping the previous version');
      return false;
    }
  }

  async addPerson(person: Person): Promise<void> {
    const key = person.aadObjectId.toLowerCase();
    this.validate(this.withPerson(person));
    await this.pool.query(
      `INSERT INTO directory_people (aad_object_id, name, upn, role, school_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (aad_object_id) DO UPDATE SET name = $2, upn = $3, role = $4, school_id = $5`,
      [key, person.name, person.upn ?? null, person.role, person.school ?? null],
    );
    await this.reload();
  }

  async removePerson(aadObjectId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM directory_people WHERE aad_object_id = $1', [aadObjectId.toLowerCase()]);
    await this.reload();
    return (rowCount ?? 0) > 0;
  }

  async addSchool(school: School): Promise<void> {
    this.validate(this.withSchool(school));
    await this.pool.query(
      `INSERT INTO directory_schools (id, name, urn, phase, teams_team_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = $2, urn = $3, phase = $4, teams_team_id = $5`,
      [school.id, school.name, school.urn, school.phase, school.teamsTeamId ?? null],
    );
    await this.reload();
  }

  async removeSchool(id: string): Promise<boolean> {
    // The NOT EXISTS keeps the rule in the database too: a school with people is never removed.
    const { rowCount } = await this.pool.query(
      'DELETE FROM directory_schools WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM directory_people WHERE school_id = $1)',
      [id],
    );
    await this.reload();
    return (rowCount ?? 0) > 0;
  }

  private validate(next: DirectoryData): void {
    parseDirectory(JSON.stringify(next), 'directory change'); // JSON is valid YAML; throws DirectoryError
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    const lost = watchConnection(client);
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      // A lost connection has no transaction left to roll back: report the error that happened, not that one.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      lost.stopWatching();
      client.release(lost.error);
    }
  }
}

/** The seed's rows. Runs under the seed lock on empty tables, so nothing can clash. */
async function insertAll(client: PoolClient, data: DirectoryData): Promise<void> {
  for (const s of data.schools) {
    await client.query('INSERT INTO directory_schools (id, name, urn, phase, teams_team_id) VALUES ($1, $2, $3, $4, $5)', [s.id, s.name, s.urn, s.phase, s.teamsTeamId ?? null]);
  }
  for (const p of data.people) {
    await client.query('INSERT INTO directory_people (aad_object_id, name, upn, role, school_id) VALUES ($1, $2, $3, $4, $5)', [p.aadObjectId.toLowerCase(), p.name, p.upn ?? null, p.role, p.school ?? null]);
  }
}

function withoutNulls<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
