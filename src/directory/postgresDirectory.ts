/**
 * The directory in PostgreSQL, for councils that run several bot instances or manage staff lists in a
 * database. Reads come from an in-memory copy (every message looks up its sender), refreshed after each
 * change and every `refreshMs`, so an edit made by another instance or directly in SQL shows up quickly.
 * Writes are validated against the same zod schema as the YAML file before they are committed.
 */
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logging/logger';
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

export class PostgresDirectory extends CachedDirectory {
  // this.data stays empty until the database has answered: meanwhile everyone is unknown (fails closed).
  private ready = false;
  private timer?: NodeJS.Timeout;

  private constructor(
    private readonly pool: Pool,
    private readonly seedYaml: string,
    private readonly logger?: Logger,
  ) {
    super();
  }

  /**
   * Creates the tables, seeds them from `seedYaml` when empty, and loads the directory. If PostgreSQL is
   * down the bot still starts (and /readyz says not ready); the next refresh tries again.
   */
  static async open(pool: Pool, seedYaml: string, options: { logger?: Logger; refreshMs?: number } = {}): Promise<PostgresDirectory> {
    const directory = new PostgresDirectory(pool, seedYaml, options.logger);
    await directory.reload();
    directory.timer = setInterval(() => void directory.reload(), options.refreshMs ?? 30_000);
    directory.timer.unref();
    return directory;
  }

  private async prepare(): Promise<void> {
    await this.pool.query(SCHEMA);
    const { rows } = await this.pool.query('SELECT (SELECT COUNT(*) FROM directory_schools) + (SELECT COUNT(*) FROM directory_people) AS n');
    if (Number(rows[0].n) === 0) await this.replaceAll(parseDirectory(this.seedYaml, 'seed directory'));
    this.ready = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Re-reads the tables. Rows that break the directory's rules are refused and the last good copy kept. */
  async reload(): Promise<void> {
    try {
      if (!this.ready) await this.prepare();
      const schools = await this.pool.query('SELECT id, name, urn, phase, teams_team_id FROM directory_schools ORDER BY id');
      const people = await this.pool.query('SELECT aad_object_id, name, upn, role, school_id FROM directory_people ORDER BY name');
      const parsed = directoryFileSchema.safeParse({
        schools: schools.rows.map((r) => withoutNulls({ id: r.id, name: r.name, urn: r.urn, phase: r.phase, teamsTeamId: r.teams_team_id })),
        people: people.rows.map((r) => withoutNulls({ name: r.name, aadObjectId: r.aad_object_id, upn: r.upn, role: r.role, school: r.school_id })),
      });
      if (parsed.success) this.data = parsed.data;
      else this.logger?.error({ issues: parsed.error.issues.length }, 'directory tables break the rules; keeping the previous version');
    } catch (error) {
      this.logger?.error({ err: { message: (error as Error).message } }, 'directory reload failed; keeping the previous version');
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

  private async replaceAll(data: DirectoryData): Promise<void> {
    await this.inTransaction(async (client) => {
      for (const s of data.schools) {
        await client.query('INSERT INTO directory_schools (id, name, urn, phase, teams_team_id) VALUES ($1, $2, $3, $4, $5)', [s.id, s.name, s.urn, s.phase, s.teamsTeamId ?? null]);
      }
      for (const p of data.people) {
        await client.query('INSERT INTO directory_people (aad_object_id, name, upn, role, school_id) VALUES ($1, $2, $3, $4, $5)', [p.aadObjectId.toLowerCase(), p.name, p.upn ?? null, p.role, p.school ?? null]);
      }
    });
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

function withoutNulls<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
