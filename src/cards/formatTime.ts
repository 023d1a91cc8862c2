/** Dates as staff read them, in the council's time zone: "Mon 23 Nov 2026, 10:02". */
export function formatDateTime(at: number, timeZone: string): string {
  const part = partsOf(at, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/** "Mon 23 Nov 2026" */
export function formatDate(at: number, timeZone: string): string {
  const part = partsOf(at, timeZone, {});
  return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
}

function partsOf(at: number, timeZone: string, time: Intl.DateTimeFormatOptions): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...time });
  return Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
}
