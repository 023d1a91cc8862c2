/**
 * The `inbound_events` table: event ids the outcome API has accepted, so a replayed or retried event is
 * applied once. Ids older than the signature's time window can be pruned: a request that old is refused anyway.
 */
import type { SqlExecutor } from './sqlDriver';

/** Records the event id; false if it was accepted before. */
export async function acceptInboundEvent(tx: SqlExecutor, eventId: string, at: number): Promise<boolean> {
  return (
    (await tx.run('INSERT INTO inbound_events (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING', [eventId, at])) ===
    1
  );
}

export function pruneInboundEvents(sql: SqlExecutor, receivedBefore: number): Promise<number> {
  return sql.run('DELETE FROM inbound_events WHERE received_at < ?', [receivedBefore]);
}
