/**
 * The threshold helper's reasoning, with no Teams in it: the indicators a DSL ticked in, a suggested level of
 * need, the response at that level and the signals to step up or down out. It suggests and never decides:
 * the card always adds "if unsure, consult the front door". Two rules come first, whatever else is ticked:
 * any indicator of significant harm routes to the front door, and nothing ticked suggests nothing.
 *
 * Nothing here is stored or logged; the caller logs only how many were ticked and the level suggested.
 */
import { indicatorDomains, type IndicatorDomain, type LevelOfNeed, type NeedIndicator, type NextStep } from '../knowledge/schema';

export interface ThresholdPack {
  levels: LevelOfNeed[];
  indicators: NeedIndicator[];
}

/** One level whose description some ticked indicators match, with those indicators by domain. */
export interface MatchedLevel {
  level: LevelOfNeed;
  indicators: NeedIndicator[];
}

export type ThresholdSuggestion =
  | { kind: 'nothing-ticked' }
  | {
      kind: 'suggested';
      level: LevelOfNeed;
      /** What to do: no referral, early help with the family's agreement, or the front door. */
      nextStep: NextStep;
      /** The ticked indicators that signal significant harm; any one routes to the front door. */
      significantHarm: NeedIndicator[];
      /** Highest level first. */
      matched: MatchedLevel[];
      stepUp: string[];
      stepDown: string[];
      /** Why this level, in words for the card. */
      because: string;
      /** The referral kinds the result offers to start, most fitting first. */
      referralKinds: Array<'early-help' | 'front-door'>;
      tickedCount: number;
    };

/** Needs at level 2 in this many domains or more suggest several agencies may be needed (level 3). */
const DOMAINS_SUGGESTING_MULTI_AGENCY = 2;

export function suggestLevel(pack: ThresholdPack, tickedIds: readonly string[]): ThresholdSuggestion {
  const ticked = knownIndicators(pack, tickedIds);
  if (ticked.length === 0) return { kind: 'nothing-ticked' };
  const significantHarm = ticked.filter((indicator) => indicator.significantHarm);
  const highest = Math.max(...ticked.map((indicator) => indicator.level));
  const levelNumber = significantHarm.length > 0 ? 4 : highest;
  const level = levelOf(pack, levelNumber);
  const nextStep: NextStep = significantHarm.length > 0 ? 'front-door' : level.nextStep;
  return {
    kind: 'suggested',
    level,
    nextStep,
    significantHarm,
    matched: matchedLevels(pack, ticked),
    stepUp: [...multiAgencyHint(ticked, levelNumber), ...level.stepUp],
    stepDown: level.stepDown,
    because: reasonFor(ticked, significantHarm, level),
    // Significant harm must never be offered the consent-based early-help route.
    referralKinds: nextStep === 'front-door' ? ['front-door'] : ['early-help', 'front-door'],
    tickedCount: ticked.length,
  };
}

/** Ids as the card sent them; an id the pack does not know (an old card, a forged press) is ignored. */
function knownIndicators(pack: ThresholdPack, tickedIds: readonly string[]): NeedIndicator[] {
  const wanted = new Set(tickedIds);
  return pack.indicators.filter((indicator) => wanted.has(indicator.id));
}

function levelOf(pack: ThresholdPack, number: number): LevelOfNeed {
  const level = pack.levels.find((candidate) => candidate.number === number);
  if (!level) throw new Error(`The pack has no level ${number}`);
  return level;
}

function matchedLevels(pack: ThresholdPack, ticked: NeedIndicator[]): MatchedLevel[] {
  return [...pack.levels]
    .sort((a, b) => b.number - a.number)
    .map((level) => ({ level, indicators: ticked.filter((indicator) => indicator.level === level.number) }))
    .filter((match) => match.indicators.length > 0);
}

/** Level 2 needs in two or more sides of the triangle: the helper says so, but leaves the step to the DSL. */
function multiAgencyHint(ticked: NeedIndicator[], levelNumber: number): string[] {
  if (levelNumber !== 2) return [];
  const domains = new Set(ticked.filter((indicator) => indicator.level === 2).map((indicator) => indicator.domain));
  return domains.size >= DOMAINS_SUGGESTING_MULTI_AGENCY
    ? [
        `You ticked needs in ${domains.size} of the 3 areas: if more than one service is needed, consider level 3 (an early help assessment with a lead professional).`,
      ]
    : [];
}

function reasonFor(ticked: NeedIndicator[], significantHarm: NeedIndicator[], level: LevelOfNeed): string {
  if (significantHarm.length > 0) {
    return `You ticked ${significantHarm.length === 1 ? 'a sign' : 'signs'} that the child may be at risk of significant harm, so this goes to the front door whatever else you ticked.`;
  }
  const domains = indicatorDomains.filter((domain: IndicatorDomain) =>
    ticked.some((indicator) => indicator.domain === domain && indicator.level === level.number),
  );
  return `The highest level among what you ticked is level ${level.number}, in ${domains.length} of the 3 areas.`;
}
