/**
 * The directory as the rest of the bot sees it, whatever stores it.
 */
import type { DirectoryData, Person, School } from './schema';

/** Who made a change, and when: the store writes the audit entry in the same transaction as the change. */
export interface ChangeAudit {
  /** The admin's Entra object id (lower case), or `system:<part>`. */
  actor: string;
  at: number;
}

export interface Directory {
  /** The person with this Entra object id, or undefined for someone not (yet) in the directory. */
  findPerson(aadObjectId: string | undefined): Person | undefined;
  school(id: string): School | undefined;
  snapshot(): DirectoryData;
  /** Adds the person, or replaces the one with the same object id. Throws DirectoryError if the result breaks the rules. */
  addPerson(person: Person, audit?: ChangeAudit): Promise<void>;
  removePerson(aadObjectId: string, audit?: ChangeAudit): Promise<boolean>;
  addSchool(school: School, audit?: ChangeAudit): Promise<void>;
  /** Refuses (returns false) while people still belong to the school. */
  removeSchool(id: string, audit?: ChangeAudit): Promise<boolean>;
  /** Re-reads the store; a broken edit is refused and the last good copy kept. */
  reload(): void | Promise<void>;
  /** Stops refreshing (on shutdown). */
  stop(): void;
}

export class DirectoryError extends Error {}
