/**
 * The directory as the rest of the bot sees it, whatever stores it.
 */
import type { DirectoryData, Person, School } from './schema';

export interface Directory {
  /** The person with this Entra object id, or undefined for someone not (yet) in the directory. */
  findPerson(aadObjectId: string | undefined): Person | undefined;
  school(id: string): School | undefined;
  snapshot(): DirectoryData;
  addPerson(person: Person): Promise<void>;
  removePerson(aadObjectId: string): Promise<boolean>;
  addSchool(school: School): Promise<void>;
  /** Refuses (returns false) while people still belong to the school. */
  removeSchool(id: string): Promise<boolean>;
  /** Re-reads the store; a broken edit is refused and the last good copy kept. */
  reload(): void | Promise<void>;
  /** Stops watching for changes (on shutdown). */
  stop(): void;
}

export class DirectoryError extends Error {}
