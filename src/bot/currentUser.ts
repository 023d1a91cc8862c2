import type { TurnContext } from 'botbuilder';
import type { Directory } from '../directory/directory';
import type { Person } from '../directory/schema';

/** The directory entry for whoever sent this activity; undefined for someone not in the directory. */
export function currentUser(context: TurnContext, directory: Directory): Person | undefined {
  return directory.findPerson(context.activity.from?.aadObjectId);
}

/** What an unknown user is told when they reach for a feature beyond public guidance. */
export function howToGetAccess(context: TurnContext): string {
  const id = context.activity.from?.aadObjectId ?? 'unknown';
  return (
    'You can ask me questions, but referrals and school features need you to be in the directory. ' +
    `Ask your council's safeguarding admin to add you, quoting your Microsoft Entra object id: ${id}. ` +
    'If a child may be at risk now, phone the front door.'
  );
}
