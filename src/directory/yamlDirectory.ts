/**
 * The embedded directory: config/directory.yaml, validated by zod, reloaded when the file changes, and
 * written back (atomically) when an admin adds or removes someone from Teams.
 */
import { chmodSync, readFileSync, renameSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import YAML from 'yaml';
import type { Logger } from '../logging/logger';
import { PRIVATE_FILE_MODE } from '../storage/privateFiles';
import { CachedDirectory } from './cachedDirectory';
import { DirectoryError } from './directory';
import { directoryFileSchema, type DirectoryData, type Person, type School } from './schema';

export function parseDirectory(text: string, source: string): DirectoryData {
  const result = directoryFileSchema.safeParse(YAML.parse(text));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new DirectoryError(`The directory is not valid:\n  - ${problems.join('\n  - ')}`);
}

export class YamlDirectory extends CachedDirectory {
  constructor(
    private readonly filePath: string,
    private readonly logger?: Logger,
  ) {
    super();
    this.data = parseDirectory(readFileSync(filePath, 'utf8'), filePath);
  }

  /** Picks up edits to the file without a restart. A broken edit is logged and the last good copy kept. */
  watch(intervalMs = 2000): void {
    watchFile(this.filePath, { interval: intervalMs }, () => this.reload());
  }

  stop(): void {
    unwatchFile(this.filePath);
  }

  reload(): void {
    try {
      this.data = parseDirectory(readFileSync(this.filePath, 'utf8'), this.filePath);
      this.logger?.info({ people: this.data.people.length, schools: this.data.schools.length }, 'directory reloaded');
    } catch (error) {
      this.logger?.error({ err: { message: (error as Error).message } }, 'directory edit rejected; keeping the previous version');
    }
  }

  async addPerson(person: Person): Promise<void> {
    this.save(this.withPerson(person));
  }

  async removePerson(aadObjectId: string): Promise<boolean> {
    const people = this.data.people.filter((p) => p.aadObjectId.toLowerCase() !== aadObjectId.toLowerCase());
    if (people.length === this.data.people.length) return false;
    this.save({ ...this.data, people });
    return true;
  }

  async addSchool(school: School): Promise<void> {
    this.save(this.withSchool(school));
  }

  async removeSchool(id: string): Promise<boolean> {
    if (!this.school(id) || this.data.people.some((person) => person.school === id)) return false;
    this.save({ ...this.data, schools: this.data.schools.filter((s) => s.id !== id) });
    return true;
  }

  /** Validates the whole directory, then replaces the file in one rename so a crash never leaves half a file. */
  private save(next: DirectoryData): void {
    const text = YAML.stringify(next);
    const validated = parseDirectory(text, this.filePath);
    const temporary = `${this.filePath}.tmp`;
    writeFileSync(temporary, `# Edited from Teams by an admin; comments are not kept.\n${text}`, { mode: PRIVATE_FILE_MODE });
    chmodSync(temporary, PRIVATE_FILE_MODE); // a leftover .tmp from a crash keeps its old mode otherwise
    renameSync(temporary, this.filePath);
    this.data = validated;
  }
}
