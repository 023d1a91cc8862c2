import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { referralDetailCard, referralListCard } from '../cards/referralCards';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { Person } from '../directory/schema';
import { listReferrals, viewReferral } from '../referrals/readReferrals';
import { parseReference } from '../referrals/referenceNumber';
import type { BotDependencies } from './app';
import { currentUser, howToGetAccess } from './currentUser';
import { personalChatOnly } from './personalChatOnly';
import { sendCard } from './sendCard';

/** The `status` list card for this person, or the sentence saying why there is none (also used when the card refreshes). */
export async function statusListReply(deps: BotDependencies, user: Person | undefined): Promise<AdaptiveCardJson | string> {
  const list = await listReferrals(deps.referrals, user);
  if (list.scope === 'council') return 'Council staff work from **inbox**, or open a referral with **status** and its reference, e.g. status FD-2026-000124.';
  if (list.scope === 'not-allowed') return 'Referral status is for school staff and the council teams who decide on referrals.';
  const title = list.scope === 'school' ? `Referrals: ${list.schoolName}` : 'Your referrals';
  return referralListCard(deps.cardContext, { title, referrals: list.referrals, showSchool: false });
}

/**
 * `status`: my school's referrals (DSLs and heads), or the ones I made (other staff).
 * `status FD-2026-000124` (or an "Open" button): one referral in full, to those allowed to see it.
 */
export function registerStatusRoutes(app: Application, deps: BotDependencies): void {
  const showList = personalChatOnly(async (context: TurnContext) => {
    const user = currentUser(context, deps.directory);
    if (!user) return void (await context.sendActivity(howToGetAccess(context)));
    const reply = await statusListReply(deps, user);
    if (typeof reply === 'string') return void (await context.sendActivity(reply));
    await sendCard(context, reply);
  });

  const showOne = personalChatOnly(async (context: TurnContext, reference: string | undefined) => {
    const user = currentUser(context, deps.directory);
    if (!user) return void (await context.sendActivity(howToGetAccess(context)));
    const detail = reference ? await viewReferral(deps.referrals, user, reference) : undefined;
    // The same words whether it does not exist or is not theirs to see.
    if (!detail) return void (await context.sendActivity(`I can’t show ${reference ?? 'that referral'}. Check the reference; you can see referrals from your own school that you are allowed to see.`));
    await sendCard(context, referralDetailCard(deps.cardContext, detail));
  });

  const words = (context: TurnContext) => (context.activity.text ?? '').trim().split(/\s+/);
  app.message(async (context) => /^status$/i.test((context.activity.text ?? '').trim()), async (context) => showList(context));
  // "status" followed by a reference; any other "status …" is a question for the pack.
  app.message(
    async (context) => /^status$/i.test(words(context)[0] ?? '') && parseReference(words(context).slice(1).join(' ')) !== undefined,
    async (context) => showOne(context, parseReference(words(context).slice(1).join(' '))),
  );
  app.adaptiveCards.actionSubmit('showReferral', async (context, _state, data: { reference?: unknown }) =>
    showOne(context, typeof data.reference === 'string' ? parseReference(data.reference) : undefined),
  );
}
