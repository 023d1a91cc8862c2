/**
 * The `answer_votes` table: "Did this help?" per answer and pack version. One vote per person per answer per
 * pack version; a second vote replaces the first. The voter is stored only as a keyed fingerprint of their
 * Entra object id and the answer id (see voterFingerprint), so counts stay anonymous: nobody holding the
 * database can tell who voted, nor link one person's votes across answers. Only the day of a vote is kept.
 * Votes from before pack versions and fingerprints (migration 3) are kept as legacy counts.
 */
import type { SqlExecutor } from './sqlDriver';

export interface Vote {
  answerId: string;
  /** The running pack's version label, e.g. "2026-12-02 · 1a2b3c4d". */
  packVersion: string;
  /** From voterFingerprint(); never an id. */
  voter: string;
  helpful: boolean;
  on: Date;
}

export interface VoteCount {
  answerId: string;
  /** Undefined for legacy votes cast before pack versions were recorded. */
  packVersion?: string;
  helpful: number;
  notHelpful: number;
}

/**
 * HMAC (the referral fingerprint key) over the Entra object id and the answer id. Keyed, so ids cannot be
 * tested against the table; per answer, so the same person's votes on different answers do not match.
 */
export function voterFingerprint(cipher: { fingerprint(text: string): string }, aadObjectId: string, answerId: string): string {
  return cipher.fingerprint(`answer-vote\u0000${aadObjectId.toLowerCase()}\u0000${answerId}`);
}

export async function recordVote(sql: SqlExecutor, vote: Vote): Promise<void> {
  await sql.run(
    `INSERT INTO answer_votes (answer_id, pack_version, voter, helpful, voted_on) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (answer_id, pack_version, voter) DO UPDATE SET helpful = excluded.helpful, voted_on = excluded.voted_on`,
    [vote.answerId, vote.packVersion, vote.voter, vote.helpful ? 1 : 0, vote.on.toISOString().slice(0, 10)],
  );
}

/** Counts per answer and pack version: answers with the most votes first, newest version first within one. */
export async function voteCounts(sql: SqlExecutor): Promise<VoteCount[]> {
  const rows = await sql.all<{ answerId: string; packVersion: string | null; helpful: number | string; votes: number | string }>(
    `SELECT v.answer_id AS "answerId", v.pack_version AS "packVersion", SUM(v.helpful) AS helpful, COUNT(*) AS votes, t.total
     FROM answer_votes v JOIN (SELECT answer_id, COUNT(*) AS total FROM answer_votes GROUP BY answer_id) t ON t.answer_id = v.answer_id
     GROUP BY v.answer_id, v.pack_version, t.total
     ORDER BY t.total DESC, v.answer_id, (v.pack_version IS NULL), v.pack_version DESC`,
  );
  return rows.map((row) => ({
    answerId: row.answerId,
    packVersion: row.packVersion ?? undefined,
    helpful: Number(row.helpful),
    notHelpful: Number(row.votes) - Number(row.helpful),
  }));
}
