import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { helpCard } from '../cards/welcomeCards';
import type { BotDependencies } from './app';
import { packSummary } from './packSummary';
import { sendCard } from './sendCard';
import { turnLogger } from './turnHandler';

interface ShowAnswerData {
  answerId?: unknown;
}

/**
 * Any message no other route took is a question for the knowledge pack. Registered last: it catches all.
 * The question text is never logged; only the answer id shown and the urgency tier (none, today, emergency).
 */
export function registerAskRoutes(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionSubmit('showAnswer', async (context, _state, data: ShowAnswerData) => {
    const reply = typeof data.answerId === 'string' ? deps.answers.show(data.answerId) : undefined;
    if (!reply) {
      await context.sendActivity('That answer is no longer in the guidance pack. Try asking your question again.');
      return;
    }
    await sendCard(context, reply.card);
  });

  app.activity(ActivityTypes.Message, async (context: TurnContext) => {
    // "ask" is optional: "ask what is a LADO" and "what is a LADO" are the same question.
    const question = (context.activity.text ?? '').trim().replace(/^ask\b\s*/i, '');
    if (question.length === 0) {
      // A card button without a verb we know, or an empty message: show what the bot can do.
      await sendCard(context, helpCard(packSummary(deps.knowledge)));
      return;
    }
    const reply = deps.answers.reply(question);
    turnLogger(context, deps.logger).info({ answerId: reply.answerId ?? 'no-match', urgent: reply.urgent, urgency: reply.urgency }, 'question answered');
    await sendCard(context, reply.card);
  });
}
