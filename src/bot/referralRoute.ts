import type { Application } from '@microsoft/teams-ai';
import type { BotDependencies } from './app';
import { currentUser, howToGetAccess } from './currentUser';
import { sendCard } from './sendCard';

/**
 * "Make a referral" on an answer card. Until referral forms are built (see the referrals issue), it shows
 * how to refer today: phone the front door, then the multi-agency referral form.
 */
export function registerReferralRoute(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionSubmit('makeReferral', async (context) => {
    if (!currentUser(context, deps.directory)) await context.sendActivity(howToGetAccess(context));
    await context.sendActivity('Referral forms in Teams are coming soon. For now, this is how to refer:');
    await sendCard(context, deps.answers.show('contact-the-front-door')!.card);
  });
}
