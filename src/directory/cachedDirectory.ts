/**
 * What a directory store shares with any other: the current directory held in memory (every message looks up
 * its sender, so reads never touch the database), and how a change makes the next directory. A store decides
 * only how to load and how to persist (directory/sqlDirectory.ts; tests may add an in-memory one).
 */
import type { ChangeAudit, Directory } from './directory';
import type { DirectoryData, Person, School } from './schema';

export abstract class CachedDirectory implements Directory {
  protected data: DirectoryData = { schools: [], people: [] };

  findPerson(aadObjectId: string | undefined): Person | undefined {
    if (!aadObjectId) return undefined;
    const key = aadObjectId.toLowerCase();
    return this.data.people.find((person) => person.aadObjectId.toLowerCase() === key);
  }

  school(id: string): School | undefined {
    return this.data.schools.find((school) => school.id === id);
  }

  snapshot(): DirectoryData {
    return structuredClone(this.data);
  }

  /** The directory with this person added, or replacing the entry with the same object id. */
  protected withPerson(person: Person): DirectoryData {
    const key = person.aadObjectId.toLowerCase();
    return { ...this.data, people: [...this.data.people.filter((p) => p.aadObjectId.toLowerCase() !== key), person] };
  }

  /** The directory with this school added, or replacing the school with the same id. */
  protected withSchool(school: School): DirectoryData {
    return { ...this.data, schools: [...this.data.schools.filter((s) => s.id !== school.id), school] };
  }

  abstract addPerson(person: Person, audit?: ChangeAudit): Promise<void>;
  abstract removePerson(aadObjectId: string, audit?: ChangeAudit): Promise<boolean>;
  abstract addSchool(school: School, audit?: ChangeAudit): Promise<void>;
  abstract removeSchool(id: string, audit?: ChangeAudit): Promise<boolean>;
  abstract reload(): void | Promise<void>;
  abstract stop(): void;
}
