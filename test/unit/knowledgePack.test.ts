import { describe, expect, it } from 'vitest';
import { realKnowledgeBase } from '../support/knowledge';

const { pack } = realKnowledgeBase();
const ids = new Set(pack.answers.map((a) => a.id));

describe('the shipped knowledge pack', () => {
  it('has at least 90 answers, each with sources and a review date', () => {
    expect(pack.answers.length).toBeGreaterThanOrEqual(90);
    for (const answer of pack.answers) {
      expect(answer.sources.length, answer.id).toBeGreaterThan(0);
      expect(answer.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('covers the four levels, the concerns, the early-help offers and the procedures the issue lists', () => {
    const required = [
      'level-1-universal',
      'level-2-early-help',
      'level-3-targeted-early-help',
      'level-4-specialist-statutory',
      'stepping-up',
      'step-down-to-early-help',
      'neglect',
      'domestic-abuse',
      'physical-abuse-injuries',
      'bruising-non-mobile-baby',
      'sexual-abuse-disclosure',
      'emotional-abuse',
      'child-sexual-exploitation',
      'criminal-exploitation-county-lines',
      'missing-from-home-or-care',
      'radicalisation-prevent',
      'fgm',
      'forced-marriage-honour-based-abuse',
      'online-safety-nude-images',
      'child-on-child-abuse-hsb',
      'self-harm-suicidal-thoughts',
      'childrens-mental-health',
      'parental-mental-health',
      'parental-substance-misuse',
      'young-carers',
      'private-fostering',
      'persistent-absence-missing-education',
      'elective-home-education',
      'suspensions-exclusion-risk',
      'disabled-children-send',
      'homeless-16-17',
      'bullying',
      'poverty-basic-needs',
      'family-hubs',
      'family-support-service',
      'solihull-approach-courses',
      'epec-parenting',
      'solar-mental-health',
      'semh-team-siss',
      'educational-psychology-elsa',
      'mental-health-support-teams',
      'exploitation-missing-team',
      'family-group-conferencing',
      'family-together',
      'youth-justice-service',
      'youth-centres-youth-offer',
      'youth-promise-plus-neet',
      'send-local-offer',
      'autism-pathway',
      'empower-crisis-support',
      'nspcc-helpline',
      'childline',
      'contact-the-front-door',
      'what-to-include-in-a-referral',
      'consent-before-referring',
      'professional-referrer-anonymity',
      'what-happens-after-a-referral',
      'feedback-and-chasing',
      'escalation-professional-disagreement',
      'strategy-discussion-s47',
      'child-and-family-assessment',
      'child-in-need-vs-child-protection',
      'initial-child-protection-conference',
      'core-groups',
      'early-help-assessment',
      'team-around-the-family',
      'lead-professional',
      'information-sharing-and-data-protection',
      'record-keeping',
      'recording-a-decision-not-to-refer',
      'transferring-child-protection-files',
      'allegations-against-staff-lado',
      'allegation-about-the-headteacher',
      'low-level-concerns',
      'out-of-hours-edt',
      'immediate-danger-999',
      'police-non-emergency-101',
      'dsl-role',
      'dsl-training',
      'new-information-on-an-open-case',
      'refer-both-children',
    ];
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('never tells staff a case does not need a referral', () => {
    for (const answer of pack.answers) {
      const text = `${answer.summary}\n${answer.body}`.toLowerCase();
      expect(text, answer.id).not.toMatch(
        /\b(does not|doesn't|do not|don't) need (a |to )?refer|no referral (is )?needed|no need to refer/,
      );
    }
  });

  it('says the levels support, never replace, professional judgement', () => {
    expect(pack.answers.find((a) => a.id === 'levels-of-need-overview')!.body).toContain(
      'support your professional judgement; they never replace it',
    );
  });

  it('marks every unverified contact, and every contact an answer uses exists', () => {
    const contactIds = new Set(pack.contacts.map((c) => c.id));
    for (const answer of pack.answers) for (const id of answer.contacts) expect(contactIds.has(id), `${answer.id} → ${id}`).toBe(true);
    expect(pack.contacts.find((c) => c.id === 'front-door')!.verified).toBe(false);
  });

  it('glossary covers the acronyms staff use', () => {
    const terms = new Set(pack.glossary.map((t) => t.term));
    for (const term of [
      'dsl',
      'mash',
      'ifd',
      'edt',
      'lado',
      'eha',
      'taf',
      'cin',
      'cp',
      'nfa',
      'marf',
      's17',
      's47',
      'semh',
      'ehcp',
      'cse',
      'cce',
      'hsb',
      'dv',
      'nudes',
      'county lines',
    ]) {
      expect(terms.has(term), term).toBe(true);
    }
  });
});
