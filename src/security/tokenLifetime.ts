/**
 * How much clock difference we allow on an inbound Bot Framework token. botframework-connector hard-codes
 * 5 minutes of `clockTolerance` for channel tokens and offers no option to change it, so a captured token
 * stays usable for 5 minutes after it expires. The Teams edge (src/teams/adapter.ts) asks this after the
 * signature, issuer and audience checks, on claims that are therefore genuine, and refuses a token outside
 * our narrower window. See docs/SECURITY.md ("Tokens and clock skew") for why 60 seconds.
 */

/** Our hosts keep time by NTP; Bot Framework backdates `nbf` by minutes and refreshes tokens well before `exp`. */
export const CLOCK_SKEW_SECONDS = 60;

export type LifetimeProblem = 'token-expired' | 'token-not-yet-valid';

/** Why a genuine token may not be used now, or undefined when it may. A token with no expiry is expired. */
export function lifetimeProblem(claims: ReadonlyArray<{ type: string; value: string }>, nowSeconds: number): LifetimeProblem | undefined {
  const expires = numericClaim(claims, 'exp');
  const notBefore = numericClaim(claims, 'nbf');
  if (expires === undefined || nowSeconds > expires + CLOCK_SKEW_SECONDS) return 'token-expired';
  if (notBefore !== undefined && nowSeconds < notBefore - CLOCK_SKEW_SECONDS) return 'token-not-yet-valid';
  return undefined;
}

function numericClaim(claims: ReadonlyArray<{ type: string; value: string }>, type: string): number | undefined {
  const value = Number(claims.find((claim) => claim.type === type)?.value);
  return Number.isFinite(value) ? value : undefined;
}
