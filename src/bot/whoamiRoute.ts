import type { Application } from '@microsoft/teams-ai';
import { whoamiCard } from '../cards/whoamiCard';
import type { BotDependencies } from './app';
import { currentUser, howToGetAccess } from './currentUser';
import { sendCard } from './sendCard';

/** `whoami`: the caller's role and school as the directory has them, or how to get access. */
export function registerWhoamiRoute(app: Application, deps: BotDependencies): void {
  app.message(/^\s*who\s*am\s*i\s*\??\s*$/i, async (context) => {
    const person = currentUser(context, deps.directory);
    const school = person?.school ? deps.directory.school(person.school) : undefined;
    await sendCard(context, whoamiCard(person, school, howToGetAccess(context)));
  });
}
