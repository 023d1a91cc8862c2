/**
 * What `pack:check` reports. A finding names the file, the rule and, in plain words, what is wrong and how
 * to fix it, because the people who read it are content editors, not programmers.
 */
import type { KnowledgePack } from '../loadPack';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Relative to the pack folder, e.g. `answers/fgm.md` or `contacts.yaml`. */
  file: string;
  rule: string;
  message: string;
}

/** The parts of a pack the rules read; no file system, so every rule is a plain function a test can feed. */
export type PackContent = Pick<KnowledgePack, 'info' | 'answers' | 'contacts' | 'glossary' | 'levels' | 'indicators'>;

/** One rule: the pack (and today's date, for rules about age) in, its findings out. */
export type PackRule = (pack: PackContent, today: Date) => Finding[];

export function formatFinding(finding: Finding): string {
  return `${finding.severity.toUpperCase()} ${finding.file}: ${finding.rule}: ${finding.message}`;
}

export function summaryLine(findings: Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const verdict = errors > 0 ? 'the pack must be fixed before it is built' : 'the pack can be built';
  return `pack:check: ${errors} error(s), ${warnings} warning(s): ${verdict}.`;
}
