/**
 * The `report` card: "Did this help?" counts per answer, and within each answer per pack version, so the
 * content team can see whether a new version of an answer helped more than the last.
 */
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/feedbackReport.json';

/** One answer's "Did this help?" votes under one pack version (the shape feedbackRows' voteCounts returns). */
export interface VoteCount {
  answerId: string;
  /** Undefined for votes cast before pack versions were recorded. */
  packVersion?: string;
  helpful: number;
  notHelpful: number;
}

/** At most 40 answers, so the card stays far below the Teams size limit. */
const MAX_ANSWERS = 40;

export function feedbackReportCard(counts: VoteCount[], titleOf: (answerId: string) => string, runningVersion: string): AdaptiveCardJson {
  const answers = groupByAnswer(counts).slice(0, MAX_ANSWERS);
  return renderCard(template, {
    empty: answers.length === 0,
    runningVersion,
    answers: answers.map(({ answerId, versions }) => ({
      title: titleOf(answerId),
      versions: versions.map((count) => ({
        version:
          count.packVersion === undefined
            ? 'Before pack versions'
            : count.packVersion === runningVersion
              ? `${count.packVersion} (current)`
              : count.packVersion,
        votes: `👍 ${count.helpful} · 👎 ${count.notHelpful}`,
      })),
    })),
  });
}

/** voteCounts() returns rows already ordered (most-voted answer first); keep that order. */
function groupByAnswer(counts: VoteCount[]): Array<{ answerId: string; versions: VoteCount[] }> {
  const groups = new Map<string, VoteCount[]>();
  for (const count of counts) groups.set(count.answerId, [...(groups.get(count.answerId) ?? []), count]);
  return [...groups].map(([answerId, versions]) => ({ answerId, versions }));
}
