/**
 * Building and serialising the Lunr index. Build happens once, at `npm run build`; the bot loads the
 * serialised form at start-up, which is far cheaper than indexing every answer on each start.
 */
import lunr from 'lunr';
import type { KnowledgePack } from './loadPack';
import type { Answer } from './schema';

/** Field boosts, tuned on test/evaluation/questions.tsv with `npm run bench`. */
export const FIELD_BOOSTS = { title: 6, questions: 8, tags: 5, summary: 3, body: 1 } as const;

export interface BuiltKnowledge {
  formatVersion: 1;
  lunrVersion: string;
  builtAt: string;
  pack: KnowledgePack;
  index: object;
}

export function buildIndex(answers: Answer[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: FIELD_BOOSTS.title });
    this.field('questions', { boost: FIELD_BOOSTS.questions });
    this.field('tags', { boost: FIELD_BOOSTS.tags });
    this.field('summary', { boost: FIELD_BOOSTS.summary });
    this.field('body', { boost: FIELD_BOOSTS.body });
    for (const answer of answers) {
      this.add({
        id: answer.id,
        title: answer.title,
        questions: answer.questions.join('\n'),
        tags: answer.tags.join(' '),
        summary: answer.summary,
        body: answer.body,
      });
    }
  });
}

export function buildKnowledge(pack: KnowledgePack, now = new Date()): BuiltKnowledge {
  return {
    formatVersion: 1,
    lunrVersion: lunr.version,
    builtAt: now.toISOString(),
    pack,
    index: buildIndex(pack.answers).toJSON(),
  };
}
