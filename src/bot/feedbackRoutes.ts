import type { Application } from '@microsoft/teams-ai';
import { feedbackReportCard } from '../cards/feedbackReportCard';
import { canViewFeedbackReport } from '../directory/policies';
import { currentUser } from './currentUser';
import type { BotDependencies } from './app';
import { sendCard } from './sendCard';

interface FeedbackData {
  answerId?: unknown;
  helpful?: unknown;
}

/** "Did this help?" votes (anonymous) and the `report` command that counts them. */
export function registerFeedbackRoutes(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionSubmit('answerFeedback', async (context, _state, data: FeedbackData) => {
    if (typeof data.answerId !== 'string' || !deps.knowledge.answer(data.answerId) || typeof data.helpful !== 'boolean') {
      await context.sendActivity('Sorry, I could not record that. Please try the buttons on a fresh answer.');
      return;
    }
    await deps.database.feedback.record(data.answerId, data.helpful);
    await context.sendActivity(
      data.helpful ? 'Thanks, noted.' : 'Thanks, noted. The content team reviews answers marked unhelpful. If you are unsure what to do, consult the front door.',
    );
  });

  app.message(/^\s*report\s*$/i, async (context) => {
    if (!canViewFeedbackReport(currentUser(context, deps.directory))) {
      await context.sendActivity('The feedback report is for the council’s admin, early-help and front-door staff.');
      return;
    }
    const counts = await deps.database.feedback.counts();
    const titled = counts.map((count) => ({ ...count, title: deps.knowledge.answer(count.answerId)?.title ?? count.answerId }));
    await sendCard(context, feedbackReportCard(titled));
  });
}
