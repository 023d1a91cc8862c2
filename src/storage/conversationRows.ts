/**
 * The `conversation_references` table: where the bot can reach someone later (a proactive card). Teams gives
 * a conversation reference with every message; we keep the latest per key. It holds staff ids, never a child's data.
 */
import { firstRow, type SqlExecutor } from './sqlDriver';

/** Written again by the person's next message, so it need not wait for the disk (sqlDriver.ts RunOptions). */
export async function saveConversationReference(sql: SqlExecutor, key: string, reference: object, at: number): Promise<void> {
  await sql.run(
    `INSERT INTO conversation_references (key, reference, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    [key, JSON.stringify(reference), at],
    { waitForDisk: false },
  );
}

export async function findConversationReference<Reference>(sql: SqlExecutor, key: string): Promise<Reference | undefined> {
  const row = await firstRow<{ reference: string }>(sql, 'SELECT reference FROM conversation_references WHERE key = ?', [key]);
  return row ? (JSON.parse(row.reference) as Reference) : undefined;
}
