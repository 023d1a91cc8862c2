/**
 * The knowledge pack at run time: the answers, contacts and glossary, and the loaded Lunr index.
 */
import { readFileSync } from 'node:fs';
import lunr from 'lunr';
import type { KnowledgePack } from './loadPack';
import type { Answer, Contact } from './schema';
import type { BuiltKnowledge } from './searchIndex';

export class KnowledgeBase {
  private readonly answersById: Map<string, Answer>;
  private readonly contactsById: Map<string, Contact>;

  constructor(
    readonly pack: KnowledgePack,
    readonly index: lunr.Index,
  ) {
    this.answersById = new Map(pack.answers.map((answer) => [answer.id, answer]));
    this.contactsById = new Map(pack.contacts.map((contact) => [contact.id, contact]));
  }

  /** Loads the index written by `npm run build`; throws with a hint when it has not been built. */
  static loadFromFile(filePath: string): KnowledgeBase {
    let built: BuiltKnowledge;
    try {
      built = JSON.parse(readFileSync(filePath, 'utf8')) as BuiltKnowledge;
    } catch (error) {
      throw new Error(`Cannot read the knowledge index at ${filePath}: run "npm run build" first (${(error as Error).message})`);
    }
    return new KnowledgeBase(built.pack, lunr.Index.load(built.index));
  }

  answer(id: string): Answer | undefined {
    return this.answersById.get(id);
  }

  contact(id: string): Contact | undefined {
    return this.contactsById.get(id);
  }

  /** The contacts every urgent or fallback card shows: 999, the front door, out of hours. */
  emergencyContacts(): Contact[] {
    const { emergencyContact, frontDoorContact, outOfHoursContact } = this.pack.info;
    return [emergencyContact, frontDoorContact, outOfHoursContact].map((id) => this.contactsById.get(id)!);
  }
}
