import { schoolPeopleCard } from '../cards/schoolPeopleCard';
import { schoolPeople } from '../directory/schoolPeople';
import type { ConversationDeps } from './conversationDeps';
import { currentUser, howToGetAccess } from './currentUser';
import { message, type Route } from './routes';

/**
 * `school` (your own) or `school <id>`: who at a school is registered (directory/schoolPeople.ts decides who
 * may see which). Another school's list is refused exactly like a school that does not exist.
 */
export function schoolRoute(deps: ConversationDeps): Route {
  return message(/^\s*school(\s+[a-z0-9-]+)?\s*$/i, async (turn) => {
    const user = currentUser(turn, deps.directory);
    if (!user) return turn.sendText(howToGetAccess(turn));
    const found = schoolPeople(deps, user, turn.text.trim().split(/\s+/)[1]);
    if (!found) return turn.sendText(`I can’t show that school. You can see your own school's list if you are its DSL, deputy or head.`);
    await turn.sendCard(schoolPeopleCard(found.school, found.people));
  });
}
