/**
 * `pack:check`'s rules, run together: the pack and today's date in, the findings out, errors first. Pure (no
 * file system, no clock), so every rule is tested on a small pack built in the test.
 */
import type { Finding, PackContent, PackRule } from './finding';
import { consentFirst } from './rules/consentFirst';
import { landingPageSource } from './rules/landingPageSource';
import { referralRoute } from './rules/referralRoute';
import { staleReview } from './rules/staleReview';
import { thresholdIndicators } from './rules/thresholdIndicators';
import { unknownReference } from './rules/unknownReference';
import { unlistedPhone } from './rules/unlistedPhone';
import { unverifiedUnsaid } from './rules/unverifiedUnsaid';

export type { Finding, PackContent } from './finding';
export { formatFinding, summaryLine } from './finding';

const RULES: PackRule[] = [consentFirst, referralRoute, unknownReference, unlistedPhone, unverifiedUnsaid, thresholdIndicators, staleReview, landingPageSource];

export function checkPack(pack: PackContent, today: Date): Finding[] {
  const findings = RULES.flatMap((rule) => rule(pack, today));
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
