/**
 * The judging behind `npm run eval` must score like ../shared/eval/score.py, or our numbers and the
 * independent ones would not be comparable.
 */
import { describe, expect, it } from 'vitest';
import { judgeStaffSet, type AskLine, type StaffQuestion } from '../../src/cli/evaluate';

const result = (id: string, text: string, contacts: Array<{ name: string; phone: string }> = []) => ({
  id,
  title: id,
  summary: '',
  text,
  contacts,
});

describe('judgeStaffSet', () => {
  const questions: StaffQuestion[] = [
    { q: 'mash number', all: ['0121 ?788 ?4300'], urgent: false },
    { q: 'consent?', all: ['consent', 'not (need|required)'], urgent: false },
    { q: 'bruise, picked up at 3', all: ['front door'], urgent: true },
    { q: 'staff meeting time', all: [], urgent: false },
    { q: 'lesson plan', all: [], urgent: false },
    { q: 'conference and report?', all: ['conference'], also: ['report'], urgent: false },
  ];
  const answers: AskLine[] = [
    { urgent: false, results: [result('contact', 'Ring the front door.', [{ name: 'Front door', phone: '0121 788 4300' }])] },
    {
      urgent: true,
      results: [
        result('other', 'nothing'),
        result('other2', 'nothing'),
        result('consent', 'Consent is NOT NEEDED when... consent is not required'),
      ],
    },
    { urgent: false, results: [result('injury', 'Ring the Front Door today')] },
    { urgent: false, results: [] },
    { urgent: false, results: [result('taf', 'meeting')] },
    { urgent: false, results: [result('icpc', 'the conference'), result('report', 'your report')] },
  ];

  const report = judgeStaffSet(questions, answers);

  it('judges on the contacts the card shows as well as the text, case-insensitively', () => {
    expect(report.answerable).toBe(4);
    expect(report.top1).toBeCloseTo(3 / 4);
    expect(report.top3).toBeCloseTo(4 / 4);
    expect(report.mrr).toBeCloseTo((1 + 1 / 3 + 1 + 1) / 4);
  });

  it('counts urgent recall, false alarms and out-of-scope declines', () => {
    expect([report.urgentFound, report.urgentTotal]).toEqual([0, 1]);
    expect([report.falseUrgent, report.calmTotal]).toEqual([1, 5]);
    expect([report.declined, report.outOfScope]).toEqual([1, 2]);
  });

  it('checks the second part of a two-part question in the top 3', () => {
    expect([report.bothParts, report.twoPartTotal]).toEqual([1, 1]);
  });

  it('lists what went wrong', () => {
    expect(report.misses.map((m) => m.kind).sort()).toEqual(['answered out of scope', 'false alarm', 'not urgent']);
  });

  it('refuses answers that do not line up with the questions', () => {
    expect(() => judgeStaffSet(questions, answers.slice(1))).toThrow(/answer lines/);
  });
});
