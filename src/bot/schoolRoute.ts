import type { Application } from '@microsoft/teams-ai';
import { schoolPeopleCard } from '../cards/schoolPeopleCard';
import { canViewSchoolPeople } from '../directory/policies';
import type { BotDependencies } from './app';
import { currentUser, howToGetAccess } from './currentUser';
import { sendCard } from './sendCard';

/**
 * `school` (your own) or `school <id>`: who at a school is registered. A school's safeguarding leads see
 * their own school; admins see any. Another school's list is refused exactly like a school that does not exist.
 */
export function registerSchoolRoute(app: Application, deps: BotDependencies): void {
  app.message(/^\s*school(\s+[a-z0-9-]+)?\s*$/i, async (context) => {
    const user = currentUser(context, deps.directory);
    if (!user) {
      await context.sendActivity(howToGetAccess(context));
      return;
    }
    const requested = (context.activity.text ?? '').trim().split(/\s+/)[1]?.toLowerCase() ?? user.school;
    const school = requested ? deps.directory.school(requested) : undefined;
    if (!school || !canViewSchoolPeople(user, school.id)) {
      await context.sendActivity(`I can’t show that school. You can see your own school's list if you are its DSL, deputy or head.`);
      return;
    }
    const people = deps.directory.snapshot().people.filter((person) => person.school === school.id);
    await sendCard(context, schoolPeopleCard(school, people));
  });
}
