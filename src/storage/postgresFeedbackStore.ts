import type { Pool } from 'pg';
import type { FeedbackCount, FeedbackStore } from './feedbackStore';

export class PostgresFeedbackStore implements FeedbackStore {
  private readonly ready: Promise<unknown>;

  constructor(private readonly pool: Pool) {
    this.ready = pool.query(`CREATE TABLE IF NOT EXISTS answer_feedback (
      id BIGSERIAL PRIMARY KEY,
      answer_id TEXT NOT NULL,
      helpful BOOLEAN NOT NULL,
      recorded_on DATE NOT NULL
    )`);
    this.ready.catch(() => undefined); // surfaced by the first record()/counts() instead
  }

  async record(answerId: string, helpful: boolean, on = new Date()): Promise<void> {
    await this.ready;
    await this.pool.query('INSERT INTO answer_feedback (answer_id, helpful, recorded_on) VALUES ($1, $2, $3)', [
      answerId,
      helpful,
      on.toISOString().slice(0, 10),
    ]);
  }

  async counts(): Promise<FeedbackCount[]> {
    await this.ready;
    const { rows } = await this.pool.query(
      `SELECT answer_id AS "answerId", COUNT(*) FILTER (WHERE helpful)::int AS helpful,
              COUNT(*) FILTER (WHERE NOT helpful)::int AS "notHelpful"
       FROM answer_feedback GROUP BY answer_id ORDER BY COUNT(*) DESC, answer_id`,
    );
    return rows as FeedbackCount[];
  }
}
