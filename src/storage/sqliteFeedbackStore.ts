import type BetterSqlite3 from 'better-sqlite3';
import type { FeedbackCount, FeedbackStore } from './feedbackStore';

export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS answer_feedback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      answer_id TEXT NOT NULL,
      helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
      recorded_on TEXT NOT NULL
    )`);
  }

  async record(answerId: string, helpful: boolean, on = new Date()): Promise<void> {
    this.db
      .prepare('INSERT INTO answer_feedback (answer_id, helpful, recorded_on) VALUES (?, ?, ?)')
      .run(answerId, helpful ? 1 : 0, on.toISOString().slice(0, 10));
  }

  async counts(): Promise<FeedbackCount[]> {
    return this.db
      .prepare(
        `SELECT answer_id AS answerId, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful
         FROM answer_feedback GROUP BY answer_id ORDER BY COUNT(*) DESC, answer_id`,
      )
      .all() as FeedbackCount[];
  }
}
