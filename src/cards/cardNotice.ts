/**
 * A line at the top of a card saying what just happened: green when it went well, red when it did not.
 * Notices often name what was typed ("Added <name>.", "Linked to <school>."), so they are shown as plain text.
 */
import { plainText } from './plainText';

export interface CardNotice {
  text: string;
  good: boolean;
}

/** What a template's `${notice}` and `${noticeColor}` need (an empty notice is not shown). */
export function noticeView(notice: CardNotice | undefined): { notice: string; noticeColor: string } {
  return { notice: plainText(notice?.text ?? ''), noticeColor: notice?.good ? 'Good' : 'Attention' };
}
