import { describe, expect, it } from 'vitest';
import { formatReference, parseReference } from '../../src/referrals/referenceNumber';

describe('referral references', () => {
  it('are EH-/FD-, the year, and six digits', () => {
    expect(formatReference('early-help', '2026', 123)).toBe('EH-2026-000123');
    expect(formatReference('front-door', '2026', 124)).toBe('FD-2026-000124');
  });

  it('are recognised however they are typed', () => {
    for (const typed of ['FD-2026-000124', 'fd-2026-124', 'FD 2026 124', ' fd2026000124 '])
      expect(parseReference(typed)).toBe('FD-2026-000124');
    expect(parseReference('what is a lado')).toBeUndefined();
    expect(parseReference('XX-2026-1')).toBeUndefined();
  });
});
