/**
 * "Did this help?" votes and the `report` command that counts them. The server enforces one vote per person
 * per answer per pack version, whatever the card sends: the voter comes from the activity (Teams' Entra
 * object id), never from the card, and is stored only as a keyed fingerprint (feedback/answerVotes.ts).
 */
import { feedbackReportCard } from '../cards/feedbackReportCard';
import { recordAnswerVote } from '../feedback/answerVotes';
import { feedbackReport } from '../feedback/feedbackReport';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { cardAction, message, type Route } from './routes';

export function feedbackRoutes(deps: ConversationDeps): Route[] {
  const vote = cardAction('answerFeedback', async (turn, { answerId, helpful }) => {
    const recorded = await recordAnswerVote(
      {
        sql: deps.database.sql,
        cipher: deps.referrals.cipher,
        answerExists: (id) => deps.knowledge.answer(id) !== undefined,
        packVersion: deps.knowledge.packVersion.label,
        now: deps.referrals.now,
      },
      { voterId: turn.user.aadObjectId, answerId, helpful },
    );
    if (recorded === 'invalid') return turn.sendText('Sorry, I could not record that. Please try the buttons on a fresh answer.');
    await turn.sendText(
      helpful
        ? 'Thanks, noted.'
        : 'Thanks, noted. The content team reviews answers marked unhelpful. If you are unsure what to do, consult the front door.',
    );
  });

  const report = message(/^\s*report\s*$/i, async (turn) => {
    const counts = await feedbackReport(deps.database, currentUser(turn, deps.directory));
    if (!counts) return turn.sendText('The feedback report is for the council’s admin, early-help and front-door staff.');
    await turn.sendCard(
      feedbackReportCard(counts, (answerId) => deps.knowledge.answer(answerId)?.title ?? answerId, deps.knowledge.packVersion.label),
    );
  });

  return [vote, report];
}
