/**
 * Guidance from any chat's compose box (a search message extension). Typing in the box sends a query; the
 * results are the same search as the bot's (KnowledgeBase.search, with its urgency check), each a compact
 * guidance card with a preview; choosing one is answered with the card to insert, which leads with the urgent
 * banner when the search was urgent. The search text is never logged or stored: the log line holds the number
 * of results and the urgency tier. Rate limiting and the activity schema apply as to every invoke.
 */
import type { UrgencyInput } from '../cards/answerCards';
import { contactView } from '../cards/emergencyBanner';
import { GUIDANCE_CARD_MARK, guidanceCard, guidancePreview } from '../cards/guidanceCards';
import type { Answer } from '../knowledge/schema';
import { parseChosenGuidance } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { message, type Route, type SearchAttachment, type SearchResult, type SearchRoute } from './routes';
import type { TurnAttachment } from './turn';

/** The command's id in appPackage/manifest.json (composeExtensions[0].commands[0].id). */
export const SEARCH_COMMAND = 'searchGuidance';
/** The manifest's parameter name for what the person typed. */
const QUERY_PARAMETER = 'searchQuery';
/** Longer text is cut: nobody types more into a search box, and the search stays fast. */
const MAX_QUERY_CHARS = 300;

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
const NOT_URGENT: UrgencyInput = { urgency: 'none', reason: null };

export function guidanceSearchRoutes(deps: ConversationDeps): Route[] {
  const search: SearchRoute = {
    on: 'composeSearch',
    command: SEARCH_COMMAND,
    async query(turn, parameters) {
      const text = queryText(parameters[QUERY_PARAMETER]);
      if (text.length === 0) return resultList(deps, suggestedAnswers(deps), NOT_URGENT);
      const { urgency, reason, hits } = deps.knowledge.search(text);
      turn.log.info({ results: hits.length, urgency }, 'guidance searched from the compose box');
      if (hits.length === 0) return { type: 'message', text: noMatchText(deps, urgency !== 'none') };
      return resultList(
        deps,
        hits.map((hit) => hit.answer),
        { urgency, reason },
      );
    },
    async select(turn, chosen) {
      const item = parseChosenGuidance(chosen);
      const answer = item.answerId !== undefined ? deps.knowledge.answer(item.answerId) : undefined;
      if (!answer) return { type: 'message', text: 'That guidance is no longer in the pack. Search again.' };
      // The urgency is worked out again from the words searched, never taken from the client.
      const text = queryText(item.query);
      const { urgency, reason } = text.length > 0 ? deps.knowledge.search(text) : NOT_URGENT;
      turn.log.info({ answerId: answer.id, urgency }, 'guidance inserted from the compose box');
      return { type: 'result', attachmentLayout: 'list', attachments: [attachmentFor(deps, answer, { urgency, reason })] };
    },
  };
  // Inserted into the person's own chat with the bot and sent, the card is for reading: it is not a question.
  const insertedCard = message(
    (turn) => carriesGuidanceCard(turn.attachments),
    async (turn) => turn.log.debug('a guidance card was sent in the chat; nothing to answer'),
  );
  return [search, insertedCard];
}

function carriesGuidanceCard(attachments: readonly TurnAttachment[]): boolean {
  return attachments.some(
    (attachment) =>
      attachment.contentType === ADAPTIVE_CARD && JSON.stringify(attachment.content ?? {}).includes(`"id":"${GUIDANCE_CARD_MARK}"`),
  );
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_CHARS).trim() : '';
}

function resultList(deps: ConversationDeps, answers: Answer[], urgency: UrgencyInput): SearchResult {
  return { type: 'result', attachmentLayout: 'list', attachments: answers.map((answer) => attachmentFor(deps, answer, urgency)) };
}

/**
 * The card to insert, complete (urgent banner included), and the preview the list shows. The preview has no
 * tap action: Teams then inserts the card as it is, and the Agents Playground (which does not support a tap,
 * it warns) can insert it too. `select` stays for previews that carry `{ answerId, query }`.
 */
function attachmentFor(deps: ConversationDeps, answer: Answer, urgency: UrgencyInput): SearchAttachment {
  const { knowledge } = deps;
  const card = guidanceCard({
    answer,
    ...urgency,
    contacts: answer.contacts.map((id) => knowledge.contact(id)!),
    level: knowledge.pack.levels.find((level) => level.number === answer.level),
    emergencyContacts: knowledge.emergencyContacts(),
    disclaimer: knowledge.pack.info.disclaimer,
    packVersion: knowledge.packVersion.label,
  });
  return { contentType: ADAPTIVE_CARD, content: card, preview: { contentType: THUMBNAIL_CARD, content: guidancePreview(answer, urgency) } };
}

function suggestedAnswers(deps: ConversationDeps): Answer[] {
  return deps.knowledge.pack.info.suggestedTopics
    .map((id) => deps.knowledge.answer(id))
    .filter((answer): answer is Answer => answer !== undefined);
}

function noMatchText(deps: ConversationDeps, urgent: boolean): string {
  const frontDoor = contactView(deps.knowledge.contact(deps.knowledge.pack.info.frontDoorContact)!);
  const first = urgent ? 'If a child is in immediate danger, call 999. ' : '';
  return `${first}No guidance matched those words. Try other words, or consult the front door on ${frontDoor.phone}.`;
}
