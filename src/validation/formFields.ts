/**
 * Helpers for checking a card form with zod: blank inputs count as not given, and each zod problem is
 * reported against the input it belongs to (the first one per input), so the card can show it beside it.
 */
import type { ZodIssue } from 'zod';

/** The form's values with surrounding spaces dropped and blank ones left out. */
export function withoutBlanks(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([field, value]) => [field, typeof value === 'string' ? value.trim() : value])
      .filter(([, value]) => typeof value === 'string' && value !== ''),
  ) as Record<string, string>;
}

export function firstErrorPerField<Field extends string>(issues: ZodIssue[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as Field;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
