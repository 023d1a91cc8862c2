/**
 * "Did this help?" votes and the `report` command that counts them. The server enforces one vote per person
 * per answer per pack version, whatever the card sends: the voter comes from the activity (Teams' Entra
 * object id), never from the card, and is stored only as a keyed fingerprint (storage/feedbackRows.ts).
 */
import type { Application } from '@microsoft/teams-ai';
import { feedbackReportCard } from '../cards/feedbackReportCard';
import { canViewFeedbackReport } from '../directory/policies';
import { recordVote, voteCounts, voterFingerprint } from '../storage/feedbackRows';
import { currentUser } from './currentUser';
import type { BotDependencies } from './app';
import { sendCard } from './sendCard';

interface FeedbackData {
  answerId?: unknown;
  helpful?: unknown;
}

export function registerFeedbackRoutes(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionSubmit('answerFeedback', async (context, _state, data: FeedbackData) => {
    const voterId = context.activity.from?.aadObjectId;
    const answerId = typeof data?.answerId === 'string' ? data.answerId : undefined;
    // Anyone with an Entra id may vote, in the directory or not; without one there is no person to count once.
    if (!answerId || !deps.knowledge.answer(answerId) || typeof data.helpful !== 'boolean' || typeof voterId !== 'string' || voterId === '') {
      await context.sendActivity('Sorry, I could not record that. Please try the buttons on a fresh answer.');
      return;
    }
    await recordVote(deps.database.sql, {
      answerId,
      packVersion: deps.knowledge.packVersion.label,
      voter: voterFingerprint(deps.referrals.cipher, voterId, answerId),
      helpful: data.helpful,
      on: new Date(deps.referrals.now()),
    });
    await context.sendActivity(
      data.helpful ? 'Thanks, noted.' : 'Thanks, noted. The content team reviews answers marked unhelpful. If you are unsure what to do, consult the front door.',
    );
  });

  app.message(/^\s*report\s*$/i, async (context) => {
    if (!canViewFeedbackReport(currentUser(context, deps.directory))) {
      await context.sendActivity('The feedback report is for the council’s admin, early-help and front-door staff.');
      return;
    }
    const counts = await voteCounts(deps.database.sql);
    await sendCard(context, feedbackReportCard(counts, (answerId) => deps.knowledge.answer(answerId)?.title ?? answerId, deps.knowledge.packVersion.label));
  });
}
