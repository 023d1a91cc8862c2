import { WORKING_DAYS_FILE } from '../../src/config';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/calendar/workingCalendar';

const calendar = WorkingCalendar.load(WORKING_DAYS_FILE);
const london = (iso: string) => new Date(`${iso}Z`).getTime(); // November to March, London is on UTC
const bst = (iso: string) => new Date(`${iso}+01:00`).getTime();

describe('a decision is due within one working day', () => {
  it('Monday morning is due Tuesday morning', () => {
    expect(calendar.nextWorkingDayAfter(london('2026-11-23T10:00:00'))).toBe(london('2026-11-24T10:00:00'));
  });

  it('Friday afternoon and the weekend are due on Monday', () => {
    expect(calendar.dateOf(calendar.nextWorkingDayAfter(london('2026-11-27T15:30:00')))).toBe('2026-11-30');
    expect(calendar.dateOf(calendar.nextWorkingDayAfter(london('2026-11-28T11:00:00')))).toBe('2026-11-30');
  });

  it('skips bank holidays: Christmas Eve 2026 is due on Tuesday 29 December', () => {
    expect(calendar.dateOf(calendar.nextWorkingDayAfter(london('2026-12-24T09:00:00')))).toBe('2026-12-29');
  });

  it('skips Easter: Thursday 2 April 2026 is due on Tuesday 7 April', () => {
    expect(calendar.dateOf(calendar.nextWorkingDayAfter(bst('2026-04-02T14:00:00')))).toBe('2026-04-07');
  });

  it('uses the council’s date, not UTC’s: 00:30 in London in summer is still the London day', () => {
    expect(calendar.dateOf(bst('2026-06-02T00:30:00'))).toBe('2026-06-02');
  });

  it('notices a year with no bank holidays listed', () => {
    expect(calendar.isMissingYearOf(london('2026-11-23T10:00:00'))).toBe(false);
    expect(calendar.isMissingYearOf(london('2031-01-10T10:00:00'))).toBe(true);
  });
});
