import { describe, expect, it } from 'vitest';
import { isTenantAllowed, tenantOf } from '../../src/teams/tenantGuard';

describe('tenant guard', () => {
  it('reads the tenant from Teams channel data, falling back to the conversation', () => {
    expect(tenantOf({ channelData: { tenant: { id: 'ABC' } } })).toBe('abc');
    expect(tenantOf({ conversation: { tenantId: 'Def' } as never })).toBe('def');
    expect(tenantOf({})).toBeUndefined();
  });

  it('lets an allowed tenant through, whatever the case', () => {
    expect(isTenantAllowed({ channelData: { tenant: { id: 'COUNCIL' } } }, ['council'])).toBe(true);
  });

  it('refuses another tenant and an activity with no tenant at all', () => {
    expect(isTenantAllowed({ channelData: { tenant: { id: 'other' } } }, ['council'])).toBe(false);
    expect(isTenantAllowed({}, ['council'])).toBe(false);
  });
});
