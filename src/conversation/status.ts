/**
 * `status`: my school's referrals (DSLs and heads), or the ones I made (other staff).
 * `status FD-2026-000124` (or an "Open" button): one referral in full, to those allowed to see it.
 */
import { referralDetailCard, referralListCard } from '../cards/referralCards';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { Person } from '../directory/schema';
import { listReferrals, viewReferral } from '../referrals/readReferrals';
import { parseReference } from '../referrals/referenceNumber';
import type { ConversationDeps } from './conversationDeps';
import { currentUser, howToGetAccess } from './currentUser';
import { personalChatOnly } from './placeGuards';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

/** The `status` list card for this person, or the sentence saying why there is none (also used when the card refreshes). */
export async function statusListReply(deps: ConversationDeps, user: Person | undefined): Promise<AdaptiveCardJson | string> {
  const list = await listReferrals(deps.referrals, user);
  if (list.scope === 'council')
    return 'Council staff work from **inbox**, or open a referral with **status** and its reference, e.g. status FD-2026-000124.';
  if (list.scope === 'not-allowed') return 'Referral status is for school staff and the council teams who decide on referrals.';
  const title = list.scope === 'school' ? `Referrals: ${list.schoolName}` : 'Your referrals';
  return referralListCard(deps.cardContext, { title, referrals: list.referrals, showSchool: false });
}

/** The reference after "status", when the rest of the message is one; any other "status …" is a question for the pack. */
function referenceAfterStatus(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  return /^status$/i.test(words[0] ?? '') ? parseReference(words.slice(1).join(' ')) : undefined;
}

export function statusRoutes(deps: ConversationDeps): Route[] {
  const showList = personalChatOnly(async (turn: Turn) => {
    const user = currentUser(turn, deps.directory);
    if (!user) return turn.sendText(howToGetAccess(turn));
    const reply = await statusListReply(deps, user);
    if (typeof reply === 'string') return turn.sendText(reply);
    await turn.sendCard(reply);
  });

  const showOne = personalChatOnly(async (turn: Turn, reference: string | undefined) => {
    const user = currentUser(turn, deps.directory);
    if (!user) return turn.sendText(howToGetAccess(turn));
    const detail = reference ? await viewReferral(deps.referrals, user, reference) : undefined;
    // The same words whether it does not exist or is not theirs to see.
    if (!detail)
      return turn.sendText(
        `I can’t show ${reference ?? 'that referral'}. Check the reference; you can see referrals from your own school that you are allowed to see.`,
      );
    await turn.sendCard(referralDetailCard(deps.cardContext, detail));
  });

  return [
    message((turn) => /^status$/i.test(turn.text.trim()), showList),
    message(
      (turn) => referenceAfterStatus(turn.text) !== undefined,
      (turn) => showOne(turn, referenceAfterStatus(turn.text)),
    ),
    cardAction('showReferral', (turn, data) => showOne(turn, data.reference !== undefined ? parseReference(data.reference) : undefined)),
  ];
}
