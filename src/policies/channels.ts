/**
 * Who may link a Teams channel to a school, unlink it, or choose what it receives. Every school with a
 * claim on the channel is checked before the role.
 */
import { has, sameSchool, type User } from './people';

/** The schools with a claim on a Teams channel: the one it is linked to, and the one whose team it sits in. */
export interface ChannelClaims {
  linkedSchoolId?: string;
  /** The school the directory gives the channel's team to (`teamsTeamId`). */
  teamSchoolId?: string;
}

/**
 * An admin, or a DSL or head of every school with a claim on it (and of the school it is being linked to).
 * A DSL of another school who is a member of the team is refused, whatever school id their card sends. When
 * an admin has linked a team's channel to a different school, both schools have a claim and only an admin
 * can change it.
 */
export function canChangeChannel(user: User | undefined, channel: ChannelClaims, targetSchoolId?: string): boolean {
  if (has(user, ['admin'])) return true;
  const claims = [channel.linkedSchoolId, channel.teamSchoolId, targetSchoolId].filter((id): id is string => id !== undefined);
  if (!user || claims.length === 0 || !claims.every((schoolId) => sameSchool(user, schoolId))) return false;
  return has(user, ['dsl', 'headteacher']);
}
