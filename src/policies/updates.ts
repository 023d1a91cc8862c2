/**
 * Who posts early-help updates to school channels, and who reads an update's delivery report. Updates go
 * to many schools at once, so they are the council's: no school role posts one.
 */
import { has, samePerson, type User } from './people';

/** The signed updates API (POST /api/updates), already authenticated by its signature. */
export const UPDATES_API_AUTHOR = 'system:updates-api';

/** Early-help staff in Teams, or the council's own system through the signed API. */
export function canPostUpdate(user: User | typeof UPDATES_API_AUTHOR | undefined): boolean {
  if (user === UPDATES_API_AUTHOR) return true;
  return has(user, ['early-help']);
}

/** Only the author, and other early-help staff, see an update's report. */
export function canReadUpdateReport(user: { aadObjectId: string; role: string } | undefined, update: { authorId: string }): boolean {
  return user !== undefined && (user.role === 'early-help' || samePerson(user, update.authorId));
}
