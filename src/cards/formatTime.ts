/** Dates as staff read them, in the council's time zone: "Mon 23 Nov 2026, 10:02". */
export function formatDateTime(at: number, timeZone: string): string {
  return remembered(`t ${timeZone} ${at}`, () => {
    const part = partsOf(at, timeZone, 'date-time');
    return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
  });
}

/** "Mon 23 Nov 2026" */
export function formatDate(at: number, timeZone: string): string {
  return remembered(`d ${timeZone} ${at}`, () => {
    const part = partsOf(at, timeZone, 'date');
    return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
  });
}

/**
 * Recently formatted instants. A `status` list or an inbox shows the same referrals' dates turn after turn
 * (about a hundred of them), and formatToParts costs microseconds each. Bounded: emptied when full.
 */
const recent = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

function remembered(key: string, format: () => string): string {
  let text = recent.get(key);
  if (text === undefined) {
    if (recent.size >= MAX_REMEMBERED) recent.clear();
    text = format();
    recent.set(key, text);
  }
  return text;
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Formatters, made once per time zone and shape: building an Intl.DateTimeFormat loads locale data and
 * costs far more than formatting, and a `status` list formats about a hundred dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, shape: 'date' | 'date-time'): Intl.DateTimeFormat {
  const key = `${shape} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...DATE, ...(shape === 'date-time' ? TIME : {}) });
    formatters.set(key, format);
  }
  return format;
}

function partsOf(at: number, timeZone: string, shape: 'date' | 'date-time'): Record<string, string> {
  return Object.fromEntries(
    formatterFor(timeZone, shape)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
}
