/**
 * The council's working days (Monday to Friday, not bank holidays, in the council's time zone), for "a
 * decision is due within one working day". Bank holidays come from config/working-days.yaml.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

const fileSchema = z.object({ timeZone: z.string().min(3), bankHolidays: z.array(isoDate) }).strict();

export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string,
    bankHolidays: string[],
  ) {
    this.holidays = new Set(bankHolidays);
    // en-CA formats dates as YYYY-MM-DD.
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  static load(file: string): WorkingCalendar {
    const parsed = fileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return new WorkingCalendar(parsed.data.timeZone, parsed.data.bankHolidays);
  }

  /** The calendar date at `at` in the council's time zone, as YYYY-MM-DD. */
  dateOf(at: number): string {
    return this.dateFormat.format(new Date(at));
  }

  isWorkingDay(at: number): boolean {
    const date = this.dateOf(at);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /**
   * The same time of day on the next working day after `at`'s day: a referral made on Friday afternoon is
   * due on Monday afternoon, one made on a Saturday is due on Monday at the same hour.
   */
  nextWorkingDayAfter(at: number): number {
    let due = at + DAY_MS;
    while (!this.isWorkingDay(due)) due += DAY_MS;
    return due;
  }

  /** True when the list has no bank holiday in `at`'s year: someone should add the year's dates. */
  isMissingYearOf(at: number): boolean {
    const year = this.dateOf(at).slice(0, 4);
    return ![...this.holidays].some((date) => date.startsWith(year));
  }
}
