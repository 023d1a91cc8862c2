/**
 * threshold-indicators: the threshold helper (`what level`) asks a DSL to tick what they see in each domain
 * of the Assessment Framework triangle. It cannot suggest a level fairly if a level has nothing to tick in a
 * domain; it cannot keep a card's ticks straight if two indicators share an id; and an indicator of
 * significant harm below level 4 would contradict the helper's rule that significant harm goes to the front
 * door. Each is an error, because the helper would give wrong or lopsided advice.
 */
import { indicatorDomains, type IndicatorDomain } from '../../schema';
import type { Finding, PackRule } from '../finding';

const FILE = 'levels.yaml';

const DOMAIN_NAMES: Record<IndicatorDomain, string> = {
  'child-development': 'the child’s development',
  'parenting-capacity': 'parenting capacity',
  'family-environment': 'family and environment',
};

function error(message: string): Finding {
  return { severity: 'error', file: FILE, rule: 'threshold-indicators', message };
}

export const thresholdIndicators: PackRule = (pack) => [...missingIndicators(pack.levels.map((l) => l.number), pack.indicators), ...duplicateIds(pack.indicators), ...harmBelowLevelFour(pack.indicators)];

function missingIndicators(levels: number[], indicators: Array<{ domain: IndicatorDomain; level: number }>): Finding[] {
  return levels.flatMap((level) =>
    indicatorDomains
      .filter((domain) => !indicators.some((indicator) => indicator.level === level && indicator.domain === domain))
      .map((domain) => error(`level ${level} has no indicators for ${DOMAIN_NAMES[domain]} (domain: ${domain}): add at least one, so the helper can offer it.`)),
  );
}

function duplicateIds(indicators: Array<{ id: string }>): Finding[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of indicators) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated].map((id) => error(`indicator id "${id}" is used more than once: give each indicator its own id.`));
}

function harmBelowLevelFour(indicators: Array<{ id: string; level: number; significantHarm: boolean }>): Finding[] {
  return indicators
    .filter((indicator) => indicator.significantHarm && indicator.level !== 4)
    .map((indicator) =>
      error(`indicator "${indicator.id}" signals significant harm but is at level ${indicator.level}: significant harm is always level 4 (a referral to the front door). Set level: 4, or significantHarm: false.`),
    );
}
