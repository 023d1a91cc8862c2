/**
 * The knowledge pack at run time: the answers, contacts and glossary, the loaded Lunr index, and search.
 */
import { readFileSync } from 'node:fs';
import lunr from 'lunr';
import { setAuditPackVersion } from '../storage/auditRows';
import type { KnowledgePack } from './loadPack';
import { PackSearch, type SearchResponse } from './packSearch';
import type { PackVersion } from './packVersion';
import type { Answer, Contact } from './schema';
import type { BuiltKnowledge } from './searchIndex';

export type { SearchHit, SearchResponse } from './packSearch';

export class KnowledgeBase {
  private readonly answersById: Map<string, Answer>;
  private readonly contactsById: Map<string, Contact>;
  private readonly searcher: PackSearch;
  /** Each answer's related answers, searched once (see relatedTo). */
  private readonly relatedById = new Map<string, Answer[]>();

  constructor(
    readonly pack: KnowledgePack,
    readonly index: lunr.Index,
  ) {
    this.answersById = new Map(pack.answers.map((answer) => [answer.id, answer]));
    this.contactsById = new Map(pack.contacts.map((contact) => [contact.id, contact]));
    this.searcher = new PackSearch(index, this.answersById, pack.glossary);
  }

  /** Loads the index written by `npm run build`; throws with a hint when it has not been built. */
  static loadFromFile(filePath: string): KnowledgeBase {
    let built: BuiltKnowledge;
    try {
      built = JSON.parse(readFileSync(filePath, 'utf8')) as BuiltKnowledge;
    } catch (error) {
      throw new Error(`Cannot read the knowledge index at ${filePath}: run "npm run build" first (${(error as Error).message})`);
    }
    if (!built.pack.version) throw new Error(`The knowledge index at ${filePath} predates pack versions: run "npm run build" again`);
    // The bot runs the pack it loads from file, so this is where the audit log learns which pack is live.
    setAuditPackVersion(built.pack.version.label);
    return new KnowledgeBase(built.pack, lunr.Index.load(built.index));
  }

  /**
   * The answers a card shows as "related" when it is opened by id (a related button, a search result):
   * the best matches for the answer's title, itself left out. The pack never changes while running, so
   * each answer's list is searched once, on first use, and kept. (Searching all of them at start-up took
   * about 1 s for 112 answers on a busy 2-core machine, against a start-up budget of 1 s.)
   */
  relatedTo(answerId: string): Answer[] {
    let related = this.relatedById.get(answerId);
    const answer = this.answersById.get(answerId);
    if (!related && answer) {
      related = this.searcher.answersFor(answer.title).map((hit) => hit.answer).filter((other) => other.id !== answerId);
      this.relatedById.set(answerId, related);
    }
    return related ?? [];
  }

  /** Which pack this is ("content as of" date and content hash), shown on answer cards and stored with votes and audit rows. */
  get packVersion(): PackVersion {
    return this.pack.version;
  }

  answer(id: string): Answer | undefined {
    return this.answersById.get(id);
  }

  contact(id: string): Contact | undefined {
    return this.contactsById.get(id);
  }

  /** The best answers for a question typed in Teams; see packSearch.ts. */
  search(text: string): SearchResponse {
    return this.searcher.search(text);
  }

  /** The contacts every urgent or fallback card shows: 999, the front door, out of hours. */
  emergencyContacts(): Contact[] {
    const { emergencyContact, frontDoorContact, outOfHoursContact } = this.pack.info;
    return [emergencyContact, frontDoorContact, outOfHoursContact].map((id) => this.contactsById.get(id)!);
  }
}

