/**
 * The `channels` table: the Teams channels the bot has been added to, where to post in each (its
 * conversation reference), which school it is linked to, and the update categories it has muted.
 * It holds Teams ids and names, never a child's data.
 */
import { firstRow, type SqlExecutor } from './sqlDriver';

export interface StoredChannel {
  conversationId: string;
  tenantId: string;
  teamId: string | null;
  teamName: string | null;
  channelName: string | null;
  /** The conversation reference (JSON) to post into the channel. */
  reference: string;
  schoolId: string | null;
  linkedBy: string | null;
  linkedAt: number | null;
  /** Comma-separated update categories this channel does not want. */
  mutedCategories: string;
  addedAt: number;
  removedAt: number | null;
}

export interface SeenChannel {
  conversationId: string;
  tenantId: string;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  reference: object;
}

const SELECT = `SELECT conversation_id AS "conversationId", tenant_id AS "tenantId", team_id AS "teamId", team_name AS "teamName",
  channel_name AS "channelName", reference, school_id AS "schoolId", linked_by AS "linkedBy", linked_at AS "linkedAt",
  muted_categories AS "mutedCategories", added_at AS "addedAt", removed_at AS "removedAt" FROM channels`;

/** Records (or refreshes) a channel the bot is in; a channel seen again after removal is back. Link and mutes are kept. */
export async function rememberChannel(sql: SqlExecutor, channel: SeenChannel, now: number): Promise<void> {
  await sql.run(
    `INSERT INTO channels (conversation_id, tenant_id, team_id, team_name, channel_name, reference, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = excluded.tenant_id, reference = excluded.reference,
       team_id = COALESCE(excluded.team_id, channels.team_id), team_name = COALESCE(excluded.team_name, channels.team_name),
       channel_name = COALESCE(excluded.channel_name, channels.channel_name), removed_at = NULL`,
    [
      channel.conversationId,
      channel.tenantId,
      channel.teamId ?? null,
      channel.teamName ?? null,
      channel.channelName ?? null,
      JSON.stringify(channel.reference),
      now,
    ],
  );
}

export function findChannel(sql: SqlExecutor, conversationId: string): Promise<StoredChannel | undefined> {
  return firstRow<StoredChannel>(sql, `${SELECT} WHERE conversation_id = ?`, [conversationId]);
}

/** Channels linked to a school that the bot is still in. */
export function listLinkedChannels(sql: SqlExecutor): Promise<StoredChannel[]> {
  return sql.all<StoredChannel>(`${SELECT} WHERE school_id IS NOT NULL AND removed_at IS NULL ORDER BY school_id, conversation_id`);
}

export async function linkChannel(sql: SqlExecutor, conversationId: string, schoolId: string, by: string, at: number): Promise<void> {
  await sql.run('UPDATE channels SET school_id = ?, linked_by = ?, linked_at = ? WHERE conversation_id = ?', [
    schoolId,
    by,
    at,
    conversationId,
  ]);
}

export async function unlinkChannel(sql: SqlExecutor, conversationId: string): Promise<void> {
  await sql.run(
    `UPDATE channels SET school_id = NULL, linked_by = NULL, linked_at = NULL, muted_categories = '' WHERE conversation_id = ?`,
    [conversationId],
  );
}

export async function setMutedCategories(sql: SqlExecutor, conversationId: string, muted: string[]): Promise<void> {
  await sql.run('UPDATE channels SET muted_categories = ? WHERE conversation_id = ?', [muted.join(','), conversationId]);
}

/** The bot was removed from the channel (or the channel deleted): nothing is posted there any more. */
export async function markChannelRemoved(sql: SqlExecutor, conversationId: string, at: number): Promise<void> {
  await sql.run('UPDATE channels SET removed_at = ? WHERE conversation_id = ? AND removed_at IS NULL', [at, conversationId]);
}

/** The bot was removed from a whole team (or the team deleted). */
export async function markTeamRemoved(sql: SqlExecutor, teamId: string, at: number): Promise<void> {
  await sql.run('UPDATE channels SET removed_at = ? WHERE team_id = ? AND removed_at IS NULL', [at, teamId]);
}
