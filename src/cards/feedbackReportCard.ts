import type { FeedbackCount } from '../storage/feedbackStore';
import { renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/feedbackReport.json';

/** Shows at most 40 answers so the card stays far below the Teams size limit. */
export function feedbackReportCard(rows: Array<FeedbackCount & { title: string }>): AdaptiveCardJson {
  return renderCard(template, { empty: rows.length === 0, rows: rows.slice(0, 40) });
}
