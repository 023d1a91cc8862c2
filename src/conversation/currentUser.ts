import type { Directory } from '../directory/directory';
import type { Person } from '../directory/schema';
import type { Turn } from './turn';

/** The directory entry for whoever sent this activity; undefined for someone not in the directory. */
export function currentUser(turn: Turn, directory: Directory): Person | undefined {
  return directory.findPerson(turn.user.aadObjectId);
}

/** What an unknown user is told when they reach for a feature beyond public guidance. */
export function howToGetAccess(turn: Turn): string {
  const id = turn.user.aadObjectId ?? 'unknown';
  return (
    'You can ask me questions, but referrals and school features need you to be in the directory. ' +
    `Ask your council's safeguarding admin to add you, quoting your Microsoft Entra object id: ${id}. ` +
    'If a child may be at risk now, phone the front door.'
  );
}
