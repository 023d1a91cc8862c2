/** Our clock-skew allowance on genuine tokens (botbuilder's own is a fixed 5 minutes). */
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS } from '../../src/security/tokenLifetime';
import { checkClaims, TokenLifetimeError } from '../../src/teams/adapter';

const NOW = 1_800_000_000;
const claims = (values: Record<string, string | number>) => Object.entries(values).map(([type, value]) => ({ type, value: String(value) }));

describe('token lifetime', () => {
  it('accepts a token inside its lifetime, and one a little outside it (clocks differ)', () => {
    expect(() => checkClaims(claims({ nbf: NOW - 300, exp: NOW + 3600 }), NOW)).not.toThrow();
    expect(() => checkClaims(claims({ nbf: NOW + CLOCK_SKEW_SECONDS - 1, exp: NOW - CLOCK_SKEW_SECONDS + 1 }), NOW)).not.toThrow();
  });

  it('refuses a token expired by more than the allowance', () => {
    expect(() => checkClaims(claims({ exp: NOW - CLOCK_SKEW_SECONDS - 1 }), NOW)).toThrow(TokenLifetimeError);
  });

  it('refuses a token not valid until beyond the allowance', () => {
    expect(() => checkClaims(claims({ nbf: NOW + CLOCK_SKEW_SECONDS + 1, exp: NOW + 3600 }), NOW)).toThrow(/not valid yet/);
  });

  it('refuses a token with no expiry at all', () => {
    expect(() => checkClaims(claims({ nbf: NOW }), NOW)).toThrow(TokenLifetimeError);
  });

  it('refuses a bot-to-bot (skill) token: this bot has no skills', () => {
    expect(() => checkClaims(claims({ ver: '1.0', appid: 'another-bot', aud: 'this-bot', exp: NOW + 60 }), NOW)).toThrow(/Skill/);
  });

  it('allows no more than a minute', () => {
    expect(CLOCK_SKEW_SECONDS).toBeLessThanOrEqual(60);
  });
});
