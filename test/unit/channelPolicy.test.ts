/**
 * Who may change a school's Teams channel. The outside test found that a DSL of school B who sits in school
 * A's team could move A's channel to B by sending B's id; these rows pin the rule that closes it.
 */
import { describe, expect, it } from 'vitest';
import { canChangeChannel, type ChannelClaims } from '../../src/policies';
import type { Person, Role } from '../../src/directory/schema';

const A = 'sample-primary';
const B = 'sample-secondary';
const person = (role: Role, school?: string): Person => ({ name: role, aadObjectId: `${role}-${school ?? 'la'}`, role, school });

const dslA = person('dsl', A);
const headA = person('headteacher', A);
const dslB = person('dsl', B);
const deputyA = person('deputy-dsl', A);
const admin = person('admin');

const linkedToA: ChannelClaims = { linkedSchoolId: A };
const inTeamOfA: ChannelClaims = { teamSchoolId: A };
const unclaimed: ChannelClaims = {};
/** An admin linked a channel of A's team to B: both schools have a claim. */
const crossLinked: ChannelClaims = { linkedSchoolId: B, teamSchoolId: A };

describe('changing a school channel', () => {
  it.each([
    ['B’s DSL relinks A’s linked channel to B', dslB, linkedToA, B, false],
    ['B’s DSL links an unlinked channel of A’s team to B', dslB, inTeamOfA, B, false],
    ['B’s DSL unlinks or changes A’s linked channel', dslB, linkedToA, undefined, false],
    ['A’s DSL links a channel of A’s team to A', dslA, inTeamOfA, A, true],
    ['A’s head changes A’s linked channel', headA, linkedToA, undefined, true],
    ['A’s DSL links A’s channel to B', dslA, linkedToA, B, false],
    ['A’s DSL links an unlinked channel of A’s team to B', dslA, inTeamOfA, B, false],
    ['A’s deputy DSL changes A’s linked channel', deputyA, linkedToA, undefined, false],
    ['B’s DSL links a channel no school has a claim on to B', dslB, unclaimed, B, true],
    ['B’s DSL links a channel no school has a claim on to A', dslB, unclaimed, A, false],
    ['A’s DSL changes a channel of A’s team linked to B', dslA, crossLinked, undefined, false],
    ['B’s DSL changes a channel of A’s team linked to B', dslB, crossLinked, undefined, false],
    ['an admin relinks A’s linked channel to B', admin, linkedToA, B, true],
    ['an admin changes a channel of A’s team linked to B', admin, crossLinked, undefined, true],
    ['someone not in the directory', undefined, inTeamOfA, A, false],
  ] as const)('%s: %s', (_label, user, claims, target, allowed) => {
    expect(canChangeChannel(user, claims, target)).toBe(allowed);
  });
});
