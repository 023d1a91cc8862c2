/**
 * Presenters for the threshold helper (`what level`): the card where a DSL ticks what they see in the three
 * domains, and the suggestion it gets back. Both always carry the same safety line, because the helper
 * suggests and never decides: unsure means consult the front door, significant harm means refer now, and
 * immediate danger means 999. The referral buttons carry only the kind of referral, nothing that was ticked.
 */
import {
  indicatorDomains,
  type Contact,
  type IndicatorDomain,
  type LevelOfNeed,
  type NeedIndicator,
  type NextStep,
} from '../knowledge/schema';
import type { ThresholdSuggestion } from '../thresholds/suggestLevel';
import { contactView } from './emergencyBanner';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import helperTemplate from './templates/thresholdHelper.json';
import resultTemplate from './templates/thresholdResult.json';

/** The card input ids, one per domain; the route reads the ticks back from these. */
export const DOMAIN_INPUTS: Record<IndicatorDomain, string> = {
  'child-development': 'childDevelopment',
  'parenting-capacity': 'parentingCapacity',
  'family-environment': 'familyEnvironment',
};

const DOMAIN_TITLES: Record<IndicatorDomain, string> = {
  'child-development': 'The child’s development',
  'parenting-capacity': 'Parenting capacity',
  'family-environment': 'Family and environment',
};

const NEXT_STEP_TITLES: Record<NextStep, string> = {
  universal: 'universal support (no referral)',
  'early-help': 'early help, with the family’s agreement',
  'front-door': 'consult or refer to the front door',
};

const REFERRAL_BUTTONS = { 'early-help': 'Start an early-help request', 'front-door': 'Start a front door referral' } as const;

export interface ThresholdCardContext {
  frontDoor: Contact;
  disclaimer: string;
}

/** The line every threshold card ends with, whatever was ticked. */
export function alwaysText(frontDoor: Contact): string {
  const view = contactView(frontDoor);
  return `If unsure, consult the front door ([${view.phone}](tel:${view.telephone})); if a child may be at risk of significant harm, refer now; 999 if in immediate danger.`;
}

export function thresholdHelperCard(context: ThresholdCardContext, indicators: NeedIndicator[]): AdaptiveCardJson {
  const domains = indicatorDomains.map((domain) => ({
    title: DOMAIN_TITLES[domain],
    inputId: DOMAIN_INPUTS[domain],
    label: `What you see: ${DOMAIN_TITLES[domain].toLowerCase()}`,
    // In level order, so the list reads from "doing well" to "at risk"; the levels themselves are not shown.
    choices: indicators
      .filter((indicator) => indicator.domain === domain)
      .sort((a, b) => a.level - b.level)
      .map((indicator) => ({ title: indicator.text, value: indicator.id })),
  }));
  return renderCard(helperTemplate, { domains, alwaysText: alwaysText(context.frontDoor) });
}

export interface ThresholdResultInput extends ThresholdCardContext {
  suggestion: Extract<ThresholdSuggestion, { kind: 'suggested' }>;
  /** The pack's answer about the suggested level, offered as a button when there is one. */
  levelAnswerId?: string;
}

export function thresholdResultCard(input: ThresholdResultInput): AdaptiveCardJson {
  const { suggestion } = input;
  const harm = suggestion.significantHarm;
  return renderCard(resultTemplate, {
    significantHarm: harm.length > 0,
    harmText:
      harm.length > 0
        ? `You ticked: ${harm.map((indicator) => indicator.text.toLowerCase()).join('; ')}. A child may be at risk of significant harm: do not wait, and you do not need the family’s consent where asking could put the child at risk.`
        : '',
    frontDoor: contactView(input.frontDoor),
    levelLabel: levelLabel(suggestion.level),
    levelShortLabel: `level ${suggestion.level.number}`,
    because: suggestion.because,
    nextStepTitle: NEXT_STEP_TITLES[suggestion.nextStep],
    response: suggestion.level.response,
    matched: suggestion.matched.map((match) => ({
      heading: `${levelLabel(match.level)}: ${match.level.short}`,
      lines: match.indicators.map((indicator) => `- ${indicator.text} (${DOMAIN_TITLES[indicator.domain].toLowerCase()})`).join('\n'),
    })),
    stepUp: bullets(suggestion.stepUp),
    stepDown: bullets(suggestion.stepDown),
    alwaysText: alwaysText(input.frontDoor),
    disclaimer: input.disclaimer,
    referralButtons: suggestion.referralKinds.map((kind) => ({ kind, title: REFERRAL_BUTTONS[kind] })),
    hasLevelAnswer: input.levelAnswerId !== undefined,
    levelAnswerId: input.levelAnswerId ?? '',
  });
}

function levelLabel(level: LevelOfNeed): string {
  return `Level ${level.number} · ${level.name}`;
}

function bullets(lines: string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}
