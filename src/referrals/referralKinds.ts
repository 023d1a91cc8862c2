/**
 * The two kinds of referral a school can make, and how each is named and numbered.
 */
export const REFERRAL_KINDS = ['early-help', 'front-door'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

interface KindInfo {
  /** Reference prefix: EH-2026-000123, FD-2026-000124. */
  prefix: string;
  /** How staff name it. */
  name: string;
  /** Who receives it at the council. */
  team: string;
  /** Environment variable prefix for its integration settings, e.g. FRONT_DOOR_ADAPTER. */
  envPrefix: string;
}

export const KIND_INFO: Record<ReferralKind, KindInfo> = {
  'early-help': { prefix: 'EH', name: 'Early-help request', team: 'the council’s early-help team', envPrefix: 'EARLY_HELP' },
  'front-door': { prefix: 'FD', name: 'Front door (MASH) referral', team: 'the Integrated Front Door (MASH)', envPrefix: 'FRONT_DOOR' },
};

export function isReferralKind(value: unknown): value is ReferralKind {
  return typeof value === 'string' && (REFERRAL_KINDS as readonly string[]).includes(value);
}
