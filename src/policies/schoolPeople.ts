/** Who sees which people a school has registered: its own safeguarding leads, and admins. */
import { has, sameSchool, type User } from './people';
import { SCHOOL_SAFEGUARDING } from './roles';

export function canViewSchoolPeople(user: User | undefined, schoolId: string): boolean {
  if (has(user, ['admin'])) return true;
  return user !== undefined && sameSchool(user, schoolId) && has(user, SCHOOL_SAFEGUARDING);
}
