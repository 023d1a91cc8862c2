/**
 * The outcomes the council can record on a referral, read from config/outcomes.yaml so that a partnership
 * uses its own words. Checked at start-up: a mistake stops the bot with the entry and the problem.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { REFERRAL_KINDS, type ReferralKind } from './referralKinds';

const outcomeSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id such as "advice-nfa"'),
    label: z.string().min(3).max(80),
    for: z.array(z.enum(REFERRAL_KINDS)).min(1, 'name at least one of front-door, early-help'),
    forSchool: z.string().min(20).max(600),
  })
  .strict();

const outcomesFileSchema = z
  .object({ outcomes: z.array(outcomeSchema).min(1) })
  .strict()
  .refine((file) => new Set(file.outcomes.map((o) => o.code)).size === file.outcomes.length, 'two outcomes share a code');

export type Outcome = z.infer<typeof outcomeSchema>;

export class OutcomeCatalogue {
  private readonly byCode: Map<string, Outcome>;

  constructor(readonly all: Outcome[]) {
    this.byCode = new Map(all.map((outcome) => [outcome.code, outcome]));
  }

  static load(file: string): OutcomeCatalogue {
    const parsed = outcomesFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      throw new Error(`The outcomes file is not valid:\n  - ${problems.join('\n  - ')}`);
    }
    return new OutcomeCatalogue(parsed.data.outcomes);
  }

  /** The outcome with this code, if it may be recorded on this kind of referral. */
  for(kind: ReferralKind, code: string): Outcome | undefined {
    const outcome = this.byCode.get(code);
    return outcome?.for.includes(kind) ? outcome : undefined;
  }

  /** Any outcome by code, for showing one already recorded (even if the list has changed since). */
  get(code: string): Outcome | undefined {
    return this.byCode.get(code);
  }

  choicesFor(kind: ReferralKind): Outcome[] {
    return this.all.filter((outcome) => outcome.for.includes(kind));
  }
}
