/**
 * The directory in the database, the same on SQLite and PostgreSQL (tables from migration 5, statements in
 * storage/directoryRows.ts). Reads come from an in-memory copy (every message looks up its sender), refreshed
 * after each change and every `refreshMs`, so an edit made by another instance, by `npm run directory:import`
 * or directly in SQL shows up. Writes are validated with the same zod schema as the YAML seed first.
 *
 * When the tables are empty they are seeded once from the YAML file, under a lock, so that of several
 * instances starting together on an empty PostgreSQL exactly one seeds and the others read its rows. Until
 * the first load succeeds everyone is unknown here (it fails closed), so loading is retried quickly: from
 * half a second, doubling up to `refreshMs`.
 */
import type { Logger } from '../logging/logger';
import { appendAudit, latestAuditAt, type AuditEntry } from '../storage/auditRows';
import {
  countDirectoryRows,
  deleteEmptySchool,
  deletePerson,
  insertDirectory,
  lockDirectorySeed,
  readPeople,
  readSchools,
  upsertPerson,
  upsertSchool,
} from '../storage/directoryRows';
import type { SqlDriver, SqlExecutor } from '../storage/sqlDriver';
import { CachedDirectory } from './cachedDirectory';
import type { ChangeAudit } from './directory';
import type { DirectorySeed } from './directorySeed';
import { validateDirectory } from './directorySeed';
import { directoryFileSchema, type DirectoryData, type Person, type School } from './schema';

/** The first retry after a failed load; each later one waits twice as long, up to the refresh interval. */
const FIRST_RETRY_MS = 500;
const SEED_ACTOR = 'system:directory-seed';

export class SqlDirectory extends CachedDirectory {
  /** True once the tables are known to be seeded (by this instance or another). */
  private seeded = false;
  /** True once the tables have been read successfully at least once. */
  private loaded = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;

  private constructor(
    private readonly sql: SqlDriver,
    private readonly seed: DirectorySeed,
    private readonly refreshMs: number,
    private readonly logger?: Logger,
  ) {
    super();
  }

  /** Seeds when empty and loads. If the database is down the bot still starts (/readyz says not ready) and retries. */
  static async open(sql: SqlDriver, seed: DirectorySeed, options: { logger?: Logger; refreshMs?: number } = {}): Promise<SqlDirectory> {
    const directory = new SqlDirectory(sql, seed, options.refreshMs ?? 30_000, options.logger);
    await directory.reloadAndSchedule();
    return directory;
  }

  /** False until the directory has been read from the database: /readyz reports not ready meanwhile. */
  isLoaded(): boolean {
    return this.loaded;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Re-reads the tables. Rows that break the directory's rules are refused and the last good copy kept. */
  async reload(): Promise<void> {
    await this.load();
  }

  async addPerson(person: Person, audit?: ChangeAudit): Promise<void> {
    validateDirectory(this.withPerson(person), 'directory change'); // throws DirectoryError, before any write
    await this.change(async (tx) => {
      await upsertPerson(tx, person);
      return { action: 'directory.person-added', schoolId: person.school, detail: `${person.aadObjectId.toLowerCase()} ${person.role}` };
    }, audit);
  }

  async removePerson(aadObjectId: string, audit?: ChangeAudit): Promise<boolean> {
    const schoolId = this.findPerson(aadObjectId)?.school;
    return this.change(async (tx) => {
      if (!(await deletePerson(tx, aadObjectId))) return undefined;
      return { action: 'directory.person-removed', schoolId, detail: aadObjectId.toLowerCase() };
    }, audit);
  }

  async addSchool(school: School, audit?: ChangeAudit): Promise<void> {
    validateDirectory(this.withSchool(school), 'directory change');
    await this.change(async (tx) => {
      await upsertSchool(tx, school);
      return { action: 'directory.school-added', schoolId: school.id };
    }, audit);
  }

  async removeSchool(id: string, audit?: ChangeAudit): Promise<boolean> {
    return this.change(async (tx) => {
      if (!(await deleteEmptySchool(tx, id))) return undefined;
      return { action: 'directory.school-removed', schoolId: id };
    }, audit);
  }

  /**
   * Runs one change and its audit entry in one transaction, then reloads so this instance sees it at once.
   * `write` returns what to audit, or undefined when nothing changed (then nothing is audited).
   */
  private async change(
    write: (tx: SqlExecutor) => Promise<Omit<AuditEntry, 'at' | 'actor' | 'allowed'> | undefined>,
    audit?: ChangeAudit,
  ): Promise<boolean> {
    const changed = await this.sql.transaction(async (tx) => {
      const entry = await write(tx);
      if (entry && audit) await appendAudit(tx, { ...entry, at: audit.at, actor: audit.actor, allowed: true });
      return entry !== undefined;
    });
    await this.reload();
    return changed;
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

  /** Reloads; resolves to whether the database answered with a valid directory. */
  private async load(): Promise<boolean> {
    try {
      if (!this.seeded) await this.seedIfEmpty();
      const parsed = directoryFileSchema.safeParse(await readDirectory(this.sql));
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

  /**
   * Fills empty tables from the seed, holding the lock so instances starting together insert it once: the
   * second finds the rows the first committed. The seed file is read only when it is needed.
   */
  private async seedIfEmpty(): Promise<void> {
    const inserted = await this.sql.transaction(async (tx) => {
      await lockDirectorySeed(this.sql, tx);
      if ((await countDirectoryRows(tx)) > 0) return undefined;
      const seed = this.seed.read();
      await insertDirectory(tx, seed);
      const detail = `${seed.schools.length} schools, ${seed.people.length} people`;
      await appendAudit(tx, { at: Date.now(), actor: SEED_ACTOR, action: 'directory.seeded', allowed: true, detail });
      return seed;
    });
    this.seeded = true;
    if (!inserted) await this.warnIfSeedFileChanged();
    if (inserted) {
      this.logger?.info(
        { source: this.seed.source, schools: inserted.schools.length, people: inserted.people.length },
        'directory seeded from YAML; later edits to the file are not read (see npm run directory:import)',
      );
    }
  }

  /**
   * A council used to edit directory.yaml to change who has access. Now the file is only seed data, so an edit
   * made after the last seed or import would silently change nothing (a leaver would keep access): say so at
   * start-up, naming the command that loads it.
   */
  private async warnIfSeedFileChanged(): Promise<void> {
    const changedAt = this.seed.councilFileChangedAt();
    if (changedAt === undefined) return;
    const loadedAt = await latestAuditAt(this.sql, ['directory.seeded', 'directory.imported']);
    if (loadedAt !== undefined && changedAt <= loadedAt) return;
    this.logger?.warn(
      { source: this.seed.source },
      'the directory file changed after it was last loaded, and the bot does not read it again: to apply it, run npm run directory:import -- <file>',
    );
  }
}

/** The tables as the directory's shape; nulls become missing fields, as in the YAML. */
async function readDirectory(sql: SqlExecutor): Promise<unknown> {
  const schools = await readSchools(sql);
  const people = await readPeople(sql);
  return {
    schools: schools.map((r) => withoutNulls({ id: r.id, name: r.name, urn: r.urn, phase: r.phase, teamsTeamId: r.teamsTeamId })),
    people: people.map((r) => withoutNulls({ name: r.name, aadObjectId: r.aadObjectId, upn: r.upn, role: r.role, school: r.schoolId })),
  } satisfies Record<keyof DirectoryData, unknown>;
}

function withoutNulls<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
