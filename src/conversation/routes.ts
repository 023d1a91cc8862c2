/**
 * The neutral route table: what each conversation handler answers, in words any Teams SDK can map. The edge
 * (src/teams/app.ts) turns each entry into an SDK route, in the table's order: the first match wins, and the
 * catch-all question route comes last.
 */
import type { CardData, CardRefreshVerb, CardVerb } from './cardActions';
import type { Turn } from './turn';

/** A typed message; `text` is tested on the text with the bot's mentions removed. */
export interface MessageRoute {
  on: 'message';
  text: RegExp | ((turn: Turn) => boolean);
  handle(turn: Turn): Promise<void>;
}

/** A card button (Action.Submit, or Action.Execute run as one), its data already parsed for its verb. */
export interface CardActionRoute<Verb extends CardVerb = CardVerb> {
  on: 'cardAction';
  verb: Verb;
  handle(turn: Turn, data: CardData<Verb>): Promise<void>;
}

/** A card's `refresh` (Universal Actions): answered with the card as it is now, for the person looking. */
export interface CardRefreshRoute<Verb extends CardRefreshVerb = CardRefreshVerb> {
  on: 'cardRefresh';
  verb: Verb;
  render(turn: Turn, data: CardData<Verb>): Promise<object>;
}

/**
 * Things that happen to the bot rather than things a person says:
 *  - botAdded: the app was added to a personal chat, a team or a group chat;
 *  - botRemovedFromTeam: the bot was removed from a team (or the app uninstalled there);
 *  - channelDeleted / teamDeleted: the channel or the team is gone.
 */
export interface EventRoute {
  on: 'botAdded' | 'botRemovedFromTeam' | 'channelDeleted' | 'teamDeleted';
  handle(turn: Turn): Promise<void>;
}

/** A result list for a compose-box search, or one sentence in its place. */
export type SearchResult =
  { type: 'result'; attachmentLayout: 'list'; attachments: SearchAttachment[] } | { type: 'message'; text: string };

export interface SearchAttachment {
  contentType: string;
  content: object;
  preview: { contentType: string; content: object };
}

/** A search message extension's command: what was typed in the compose box, and the result chosen. */
export interface SearchRoute {
  on: 'composeSearch';
  /** The command's id in appPackage/manifest.json. */
  command: string;
  query(turn: Turn, parameters: Record<string, unknown>): Promise<SearchResult>;
  /** `chosen` is the preview's tap value, exactly as sent: anyone can forge it. */
  select(turn: Turn, chosen: unknown): Promise<SearchResult>;
}

/** One card-action route per verb, each with its own data type. */
type AnyCardActionRoute = { [Verb in CardVerb]: CardActionRoute<Verb> }[CardVerb];
type AnyCardRefreshRoute = { [Verb in CardRefreshVerb]: CardRefreshRoute<Verb> }[CardRefreshVerb];

export type Route = MessageRoute | AnyCardActionRoute | AnyCardRefreshRoute | EventRoute | SearchRoute;

/** Builders that tie a handler's data type to its verb's schema. */
export const message = (text: MessageRoute['text'], handle: MessageRoute['handle']): MessageRoute => ({ on: 'message', text, handle });

export const cardAction = <Verb extends CardVerb>(verb: Verb, handle: CardActionRoute<Verb>['handle']): CardActionRoute<Verb> => ({
  on: 'cardAction',
  verb,
  handle,
});

export const cardRefresh = <Verb extends CardRefreshVerb>(
  verb: Verb,
  render: CardRefreshRoute<Verb>['render'],
): CardRefreshRoute<Verb> => ({ on: 'cardRefresh', verb, render });

export const event = (on: EventRoute['on'], handle: EventRoute['handle']): EventRoute => ({ on, handle });
