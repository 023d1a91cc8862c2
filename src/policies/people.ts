/**
 * What every rule is built from: who a user is (a directory person, or undefined for someone not in the
 * directory) and which school they belong to. `undefined` may read public guidance and nothing else.
 * The tenant is checked once at the edge (the tenant guard): a turn from another tenant never reaches a
 * rule, so within a rule the school is the first boundary, checked before the role.
 */
import type { Role } from './roles';

/** A person as the rules see them; the directory's Person has this shape (and more). */
export interface User {
  aadObjectId: string;
  role: Role;
  school?: string;
}

export const has = (user: User | undefined, roles: readonly Role[]): user is User => user !== undefined && roles.includes(user.role);

export const sameSchool = (user: User, schoolId: string) => user.school !== undefined && user.school === schoolId;

/** Entra object ids are GUIDs; Teams and a hand-edited directory may differ in letter case. */
export const samePerson = (user: { aadObjectId: string }, aadObjectId: string) =>
  user.aadObjectId.toLowerCase() === aadObjectId.toLowerCase();
