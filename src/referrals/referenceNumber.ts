/**
 * Human-friendly references: EH-2026-000123 for an early-help request, FD-2026-000124 for a front door
 * (MASH) referral. One counter serves both kinds; the year is the year the referral was made.
 */
import { KIND_INFO, type ReferralKind } from './referralKinds';

export function formatReference(kind: ReferralKind, year: string, number: number): string {
  return `${KIND_INFO[kind].prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/** A reference as someone might type it ("fd 2026 124", "FD-2026-000124"), or undefined if it is not one. */
export function parseReference(text: string): string | undefined {
  const match = text
    .trim()
    .toUpperCase()
    .match(/^(EH|FD)[\s-]*(\d{4})[\s-]*(\d{1,9})$/);
  return match ? `${match[1]}-${match[2]}-${match[3].padStart(6, '0')}` : undefined;
}
