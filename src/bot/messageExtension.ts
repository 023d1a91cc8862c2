/**
 * Guidance from any chat's compose box (a search message extension). Typing in the box sends
 * `composeExtension/query`; the results are the same search as the bot's (KnowledgeBase.search, with its
 * urgency check), each a compact guidance card with a preview; choosing one sends
 * `composeExtension/selectItem`, answered with the card to insert, which leads with the urgent banner when the
 * search was urgent. The search text is never logged or stored: the log line holds the number of results and
 * the urgency tier. Rate limiting and the activity schema apply as to every invoke (turnHandler.ts).
 */
import type { MessagingExtensionAttachment, MessagingExtensionResult, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { UrgencyInput } from '../cards/answerCards';
import { GUIDANCE_CARD_MARK, guidanceCard, guidancePreview } from '../cards/guidanceCards';
import { contactView } from '../cards/emergencyBanner';
import type { Answer } from '../knowledge/schema';
import type { BotDependencies } from './app';
import { turnLogger } from './turnHandler';

/** The command's id in appPackage/manifest.json (composeExtensions[0].commands[0].id). */
export const SEARCH_COMMAND = 'searchGuidance';
/** The manifest's parameter name for what the person typed. */
const QUERY_PARAMETER = 'searchQuery';
/** Longer text is cut: nobody types more into a search box, and the search stays fast. */
const MAX_QUERY_CHARS = 300;

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
const NOT_URGENT: UrgencyInput = { urgency: 'none', reason: null };

/** What Teams sends back on selectItem: the tap value of the chosen preview (anyone can forge it). */
interface ChosenResult {
  answerId?: unknown;
  query?: unknown;
}

export function registerMessageExtension(app: Application, deps: BotDependencies): void {
  app.messageExtensions.query(SEARCH_COMMAND, async (context, _state, query) => {
    const text = queryText(query.parameters[QUERY_PARAMETER]);
    if (text.length === 0) return resultList(deps, suggestedAnswers(deps), NOT_URGENT);
    const { urgency, reason, hits } = deps.knowledge.search(text);
    turnLogger(context, deps.logger).info({ results: hits.length, urgency }, 'guidance searched from the compose box');
    if (hits.length === 0) return { type: 'message', text: noMatchText(deps, urgency !== 'none') };
    return resultList(deps, hits.map((hit) => hit.answer), { urgency, reason });
  });

  // Inserted into the person's own chat with the bot and sent, the card is for reading: it is not a question.
  app.message(
    async (context) => carriesGuidanceCard(context.activity.attachments),
    async (context) => turnLogger(context, deps.logger).debug('a guidance card was sent in the chat; nothing to answer'),
  );

  app.messageExtensions.selectItem(async (context: TurnContext, _state, item: ChosenResult) => {
    const answer = typeof item?.answerId === 'string' ? deps.knowledge.answer(item.answerId) : undefined;
    if (!answer) return { type: 'message', text: 'That guidance is no longer in the pack. Search again.' };
    // The urgency is worked out again from the words searched, never taken from the client.
    const text = queryText(item.query);
    const { urgency, reason } = text.length > 0 ? deps.knowledge.search(text) : NOT_URGENT;
    turnLogger(context, deps.logger).info({ answerId: answer.id, urgency }, 'guidance inserted from the compose box');
    return { type: 'result', attachmentLayout: 'list', attachments: [attachmentFor(deps, answer, { urgency, reason })] };
  });
}

function carriesGuidanceCard(attachments: Array<{ contentType?: string; content?: unknown }> | undefined): boolean {
  return (attachments ?? []).some((attachment) => attachment.contentType === ADAPTIVE_CARD && JSON.stringify(attachment.content ?? {}).includes(`"id":"${GUIDANCE_CARD_MARK}"`));
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_CHARS).trim() : '';
}

function resultList(deps: BotDependencies, answers: Answer[], urgency: UrgencyInput): MessagingExtensionResult {
  return { type: 'result', attachmentLayout: 'list', attachments: answers.map((answer) => attachmentFor(deps, answer, urgency)) };
}

/**
 * The card to insert, complete (urgent banner included), and the preview the list shows. The preview has no
 * tap action: Teams then inserts the card as it is, and the Agents Playground (which does not support a tap,
 * it warns) can insert it too. selectItem stays for previews that carry `{ answerId, query }`.
 */
function attachmentFor(deps: BotDependencies, answer: Answer, urgency: UrgencyInput): MessagingExtensionAttachment {
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
  const preview = guidancePreview(answer, urgency);
  return {
    contentType: ADAPTIVE_CARD,
    content: card,
    preview: { contentType: THUMBNAIL_CARD, content: preview },
  };
}

function suggestedAnswers(deps: BotDependencies): Answer[] {
  return deps.knowledge.pack.info.suggestedTopics.map((id) => deps.knowledge.answer(id)).filter((answer): answer is Answer => answer !== undefined);
}

function noMatchText(deps: BotDependencies, urgent: boolean): string {
  const frontDoor = contactView(deps.knowledge.contact(deps.knowledge.pack.info.frontDoorContact)!);
  const first = urgent ? 'If a child is in immediate danger, call 999. ' : '';
  return `${first}No guidance matched those words. Try other words, or consult the front door on ${frontDoor.phone}.`;
}
