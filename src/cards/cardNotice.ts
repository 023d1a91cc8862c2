/** A line at the top of a card saying what just happened: green when it went well, red when it did not. */
export interface CardNotice {
  text: string;
  good: boolean;
}

/** What a template's `${notice}` and `${noticeColor}` need (an empty notice is not shown). */
export function noticeView(notice: CardNotice | undefined): { notice: string; noticeColor: string } {
  return { notice: notice?.text ?? '', noticeColor: notice?.good ? 'Good' : 'Attention' };
}
