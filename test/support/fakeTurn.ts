/**
 * A `Turn` built by hand, for testing conversation handlers without the Teams SDK: it records what the
 * handler sent (cards, replaced cards, sentences) in order.
 */
import { parseCardData, type CardVerb } from '../../src/conversation/cardActions';
import type { CardActionRoute, MessageRoute, Route } from '../../src/conversation/routes';
import type { Turn, TurnPlace, TurnUser } from '../../src/conversation/turn';
import { createLogger } from '../../src/logging/logger';

export type Sent = { kind: 'card' | 'replaced'; card: object } | { kind: 'text'; text: string };

export interface FakeTurn extends Turn {
  sent: Sent[];
}

export function fakeTurn(options: { user?: TurnUser; place?: Partial<TurnPlace>; text?: string; activityId?: string } = {}): FakeTurn {
  const sent: Sent[] = [];
  return {
    user: options.user ?? {},
    place: { kind: 'personal', conversationId: 'personal-chat', ...options.place },
    text: options.text ?? '',
    activityId: options.activityId ?? 'activity-1',
    attachments: [],
    sent,
    sendCard: async (card) => void sent.push({ kind: 'card', card }),
    replaceCard: async (card) => void sent.push({ kind: 'replaced', card }),
    sendText: async (text) => void sent.push({ kind: 'text', text }),
    log: createLogger('silent'),
  };
}

/** The first message route that takes this text, as the edge picks it (first match wins); undefined if none. */
export function messageRouteFor(routes: Route[], turn: Turn): MessageRoute | undefined {
  return routes.find(
    (route): route is MessageRoute =>
      route.on === 'message' && (route.text instanceof RegExp ? turn.text !== '' && route.text.test(turn.text) : route.text(turn)),
  );
}

/** Runs what the edge would run for this typed text. */
export async function say(routes: Route[], turn: FakeTurn): Promise<Sent[]> {
  const route = messageRouteFor(routes, turn);
  if (!route) throw new Error(`no route takes "${turn.text}"`);
  await route.handle(turn);
  return turn.sent;
}

/** Runs what the edge would run for a card press: the verb's route, with the data parsed by its schema. */
export async function press(routes: Route[], verb: CardVerb, data: unknown, turn: FakeTurn): Promise<Sent[]> {
  const route = routes.find((candidate): candidate is CardActionRoute => candidate.on === 'cardAction' && candidate.verb === verb);
  if (!route) throw new Error(`no route for the verb ${verb}`);
  await route.handle(turn, parseCardData(verb, data));
  return turn.sent;
}

/** The text of every sentence sent, and the first TextBlock text of every card (enough to tell cards apart). */
export function textsOf(sent: Sent[]): string[] {
  return sent.map((item) => (item.kind === 'text' ? item.text : JSON.stringify(item.card)));
}
