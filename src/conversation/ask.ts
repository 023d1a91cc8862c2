/**
 * Any message no other route took is a question for the knowledge pack. Registered last: it catches all.
 * The question text is never logged; only the answer id shown and the urgency tier (none, today, emergency).
 */
import { helpCard } from '../cards/welcomeCards';
import type { ConversationDeps } from './conversationDeps';
import { packSummary } from './packSummary';
import { cardAction, message, type Route } from './routes';

export function showAnswerRoute(deps: ConversationDeps): Route {
  return cardAction('showAnswer', async (turn, data) => {
    const reply = data.answerId !== undefined ? deps.answers.show(data.answerId) : undefined;
    if (!reply) return turn.sendText('That answer is no longer in the guidance pack. Try asking your question again.');
    await turn.sendCard(reply.card);
  });
}

/** The catch-all: must stay the last route. */
export function askRoute(deps: ConversationDeps): Route {
  return message(
    () => true,
    async (turn) => {
      // "ask" is optional: "ask what is a LADO" and "what is a LADO" are the same question.
      const question = turn.text.trim().replace(/^ask\b\s*/i, '');
      // A card button without a verb we know, or an empty message: show what the bot can do.
      if (question.length === 0) return turn.sendCard(helpCard(packSummary(deps.knowledge)));
      const reply = deps.answers.reply(question);
      turn.log.info({ answerId: reply.answerId ?? 'no-match', urgent: reply.urgent, urgency: reply.urgency }, 'question answered');
      await turn.sendCard(reply.card);
    },
  );
}
