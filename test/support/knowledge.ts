import path from 'node:path';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadPack } from '../../src/knowledge/loadPack';
import { buildIndex } from '../../src/knowledge/searchIndex';

export const PACK_DIR = path.join(__dirname, '..', '..', 'knowledge');

/** The real knowledge pack, indexed in memory (no build step needed). */
export function realKnowledgeBase(): KnowledgeBase {
  const pack = loadPack(PACK_DIR);
  return new KnowledgeBase(pack, buildIndex(pack.answers));
}
