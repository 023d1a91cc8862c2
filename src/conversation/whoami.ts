import { whoamiCard } from '../cards/whoamiCard';
import type { ConversationDeps } from './conversationDeps';
import { currentUser, howToGetAccess } from './currentUser';
import { message, type Route } from './routes';

/** `whoami`: the caller's role and school as the directory has them, or how to get access. */
export function whoamiRoute(deps: ConversationDeps): Route {
  return message(/^\s*who\s*am\s*i\s*\??\s*$/i, async (turn) => {
    const person = currentUser(turn, deps.directory);
    const school = person?.school ? deps.directory.school(person.school) : undefined;
    await turn.sendCard(whoamiCard(person, school, howToGetAccess(turn)));
  });
}
