/**
 * How much clock difference we allow on an inbound Bot Framework token. botframework-connector hard-codes
 * 5 minutes of `clockTolerance` for channel tokens and offers no option to change it, so a captured token
 * stays usable for 5 minutes after it expires. Its AuthenticationConfiguration.validateClaims hook runs after
 * the signature, issuer and audience checks, on claims that are therefore genuine; here it refuses a token
 * outside our narrower window. See docs/SECURITY.md ("Tokens and clock skew") for why 60 seconds.
 */
import { StatusCodes } from 'botbuilder';
import { AuthenticationConfiguration, AuthenticationError, SkillValidation, type Claim } from 'botframework-connector';

/** Our hosts keep time by NTP; Bot Framework backdates `nbf` by minutes and refreshes tokens well before `exp`. */
export const CLOCK_SKEW_SECONDS = 60;

/** A genuine token used outside its lifetime (plus our allowance). `reason` feeds the auth failure log. */
export class TokenLifetimeError extends AuthenticationError {
  constructor(readonly reason: 'token-expired' | 'token-not-yet-valid') {
    super(reason === 'token-expired' ? 'The token has expired' : 'The token is not valid yet', StatusCodes.UNAUTHORIZED);
    this.name = 'TokenLifetimeError';
  }
}

export function authenticationConfiguration(now: () => number = Date.now): AuthenticationConfiguration {
  return new AuthenticationConfiguration([], async (claims) => checkClaims(claims, now() / 1000));
}

/** Throws if the token is outside its lifetime by more than the allowance, or is a bot-to-bot (skill) token. */
export function checkClaims(claims: Claim[], nowSeconds: number): void {
  // Setting validateClaims replaces botbuilder's own refusal of skill tokens; we have no skills, so refuse them.
  if (SkillValidation.isSkillClaim(claims)) throw new AuthenticationError('Skill tokens are not accepted', StatusCodes.UNAUTHORIZED);
  const expires = numericClaim(claims, 'exp');
  const notBefore = numericClaim(claims, 'nbf');
  if (expires === undefined || nowSeconds > expires + CLOCK_SKEW_SECONDS) throw new TokenLifetimeError('token-expired');
  if (notBefore !== undefined && nowSeconds < notBefore - CLOCK_SKEW_SECONDS) throw new TokenLifetimeError('token-not-yet-valid');
}

function numericClaim(claims: Claim[], type: string): number | undefined {
  const value = Number(claims.find((claim) => claim.type === type)?.value);
  return Number.isFinite(value) ? value : undefined;
}
