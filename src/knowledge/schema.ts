/**
 * The shape of the knowledge pack. A local authority replaces the files in knowledge/, not this code,
 * so every rule a pack author must follow is stated here, once, with a message a non-programmer can act on.
 */
import { z } from 'zod';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id such as "front-door"');
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

export const sourceSchema = z.object({
  title: z.string().min(3),
  url: z.string().url('must be a full https:// address'),
});

export const answerKinds = ['threshold', 'concern', 'offer', 'procedure', 'contact'] as const;

export const answerFrontMatterSchema = z
  .object({
    id: kebabId,
    title: z.string().min(5).max(120),
    kind: z.enum(answerKinds),
    level: z.number().int().min(1).max(4).optional(),
    tags: z.array(z.string().min(1)).default([]),
    questions: z.array(z.string().min(3)).min(1, 'needs at least one sample question, as staff would ask it'),
    summary: z.string().min(20).max(400),
    contacts: z.array(kebabId).default([]),
    sources: z.array(sourceSchema).min(1, 'every answer cites at least one source'),
    /** When this answer was last checked against its sources, and by whom (a role, never a name). */
    reviewed: isoDate,
    reviewer: z.string().min(3, 'name the reviewer\'s role, e.g. "DSL-trained content editor"'),
    /** True when acting on this answer usually means a referral; the card then offers "Make a referral". */
    leadsToReferral: z.boolean().default(false),
    /** Set when a fact in the answer could not be confirmed; shown on the card. */
    unverified: z.string().optional(),
  })
  .strict();

export type AnswerFrontMatter = z.infer<typeof answerFrontMatterSchema>;

export interface Answer extends AnswerFrontMatter {
  /** The Markdown body: the steps and indicators. */
  body: string;
  /** Where it came from, relative to the pack folder, for error messages and editors. */
  file: string;
}

export const contactSchema = z
  .object({
    id: kebabId,
    name: z.string().min(2),
    phone: z.string().regex(/^[0-9 +]+$/, 'digits and spaces only, e.g. "0121 788 4300"').optional(),
    url: z.string().url().optional(),
    hours: z.string().min(2),
    source: z.string().url('cite where the number was found'),
    verified: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

export type Contact = z.infer<typeof contactSchema>;

export const contactsFileSchema = z.object({ contacts: z.array(contactSchema).min(1) }).strict();

export const glossaryFileSchema = z
  .object({
    terms: z.array(
      z.object({ term: z.string().min(1), means: z.array(z.string().min(1)).min(1), explanation: z.string().optional() }).strict(),
    ),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof glossaryFileSchema>['terms'][number];

/** What a level asks of the school: nothing new, early help with the family's agreement, or the front door. */
export const nextSteps = ['universal', 'early-help', 'front-door'] as const;

/** The three sides of the Assessment Framework triangle; the threshold helper asks about each. */
export const indicatorDomains = ['child-development', 'parenting-capacity', 'family-environment'] as const;

const levelSchema = z
  .object({
    number: z.number().int().min(1).max(4),
    name: z.string().min(2),
    short: z.string().min(2),
    nextStep: z.enum(nextSteps),
    /** The response at this level, in a sentence or two, shown by the threshold helper. */
    response: z.string().min(10),
    stepUp: z.array(z.string().min(5)).min(1, 'say when to step up from this level'),
    stepDown: z.array(z.string().min(5)).min(1, 'say when to step down from this level'),
  })
  .strict();

/** One thing a DSL may see, tagged with its level and whether it signals significant harm (then always level 4). */
const indicatorSchema = z
  .object({
    id: kebabId,
    domain: z.enum(indicatorDomains),
    level: z.number().int().min(1).max(4),
    significantHarm: z.boolean(),
    text: z.string().min(5).max(120),
  })
  .strict();

export const levelsFileSchema = z
  .object({
    levels: z.array(levelSchema).length(4, 'the pack describes exactly four levels of need'),
    indicators: z.array(indicatorSchema).default([]),
  })
  .strict();

export type LevelOfNeed = z.infer<typeof levelSchema>;
export type NeedIndicator = z.infer<typeof indicatorSchema>;
export type IndicatorDomain = (typeof indicatorDomains)[number];
export type NextStep = (typeof nextSteps)[number];

export const packInfoSchema = z
  .object({
    organisation: z.string().min(2),
    /** Shown on every card: this pack is sample content until the local authority has checked it. */
    disclaimer: z.string().min(10),
    frontDoorContact: kebabId,
    outOfHoursContact: kebabId,
    emergencyContact: kebabId,
    /** Answers offered as buttons when a question has no good match. */
    suggestedTopics: z.array(kebabId).min(1).max(5),
  })
  .strict();

export type PackInfo = z.infer<typeof packInfoSchema>;

/** One answer a search found, with its score (higher is better). */
export interface SearchHit {
  answer: Answer;
  score: number;
}
