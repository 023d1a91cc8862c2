/**
 * What a conversation handler knows about the turn it answers, and all it can do in return. The Teams edge
 * (src/teams/turnContext.ts) builds one from botbuilder's TurnContext; a test builds one by hand. Nothing
 * here names the SDK, so the handlers would not change under another Teams SDK.
 */
import type { Logger } from '../logging/logger';

/** Where the turn happens, in Teams' words: a person's own chat with the bot, a team channel, or a group chat. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface TurnUser {
  /** The person's Microsoft Entra object id; the directory keys on it. Absent for a bot or a broken client. */
  aadObjectId?: string;
  name?: string;
  /** Lower-cased, as the tenant guard compares it. */
  tenantId?: string;
}

export interface TurnPlace {
  /** Undefined when Teams did not say (the handlers treat it as "not personal", "not a channel"). */
  kind?: ConversationKind;
  conversationId: string;
  /** In a team: the team's id (channelData.team.id). */
  teamId?: string;
  /** In a channel: the channel's conversation id, where new posts go (a reply thread's id names its thread). */
  channelId?: string;
}

/** An attachment on the message, as sent (a card someone inserted, say). */
export interface TurnAttachment {
  contentType?: string;
  content?: unknown;
}

export interface Turn {
  user: TurnUser;
  place: TurnPlace;
  /** What the person typed, the bot's mentions removed; '' for a card press. */
  text: string;
  /** The activity's id: a Teams retry of the same press carries the same one. */
  activityId: string;
  attachments: readonly TurnAttachment[];
  sendCard(card: object): Promise<void>;
  /** Replaces the card the button was pressed on (a form becomes its receipt); a new card where that is not possible. */
  replaceCard(card: object): Promise<void>;
  sendText(text: string): Promise<void>;
  /** This turn's logger, with its request id. Never log what a person typed. */
  log: Logger;
}
