/**
 * "Did this help?": one vote per person per answer per pack version, whatever the card sends. The voter is the
 * Entra object id Teams authenticated, never a value from the card, and is stored only as a keyed fingerprint
 * (storage/feedbackRows.ts), so the counts stay anonymous. Anyone may vote, in the directory or not.
 */
import { recordVote, voterFingerprint } from '../storage/feedbackRows';
import type { SqlExecutor } from '../storage/sqlDriver';

export interface AnswerVoteDeps {
  sql: SqlExecutor;
  cipher: { fingerprint(text: string): string };
  /** Whether the pack has this answer, and which version of the pack is live. */
  answerExists(answerId: string): boolean;
  packVersion: string;
  now(): number;
}

export interface AnswerVote {
  voterId: string | undefined;
  answerId: string | undefined;
  helpful: boolean | undefined;
}

/** 'invalid' when there is no such answer, no yes/no, or no person to count once (no Entra id). */
export async function recordAnswerVote(deps: AnswerVoteDeps, vote: AnswerVote): Promise<'recorded' | 'invalid'> {
  const { voterId, answerId, helpful } = vote;
  if (!answerId || !deps.answerExists(answerId) || helpful === undefined || !voterId) return 'invalid';
  await recordVote(deps.sql, {
    answerId,
    packVersion: deps.packVersion,
    voter: voterFingerprint(deps.cipher, voterId, answerId),
    helpful,
    on: new Date(deps.now()),
  });
  return 'recorded';
}
