/**
 * `school` (your own) or `school <id>`: who at a school is registered. A school's safeguarding leads see
 * their own school; admins see any (policies/schoolPeople.ts). Another school's list is refused exactly like
 * a school that does not exist: both are undefined.
 */
import { canViewSchoolPeople } from '../policies';
import type { Directory } from './directory';
import type { Person, School } from './schema';

export interface SchoolPeople {
  school: School;
  people: Person[];
}

export function schoolPeople(
  deps: { directory: Directory },
  user: Person | undefined,
  requestedSchoolId?: string,
): SchoolPeople | undefined {
  const schoolId = requestedSchoolId?.toLowerCase() ?? user?.school;
  const school = schoolId ? deps.directory.school(schoolId) : undefined;
  if (!school || !canViewSchoolPeople(user, school.id)) return undefined;
  return { school, people: deps.directory.snapshot().people.filter((person) => person.school === school.id) };
}
