import { describe, expect, it } from 'vitest';
import { assertTenantAllowed, TenantNotAllowedError, tenantOf } from '../../src/bot/tenantGuard';

describe('tenant guard', () => {
  it('reads the tenant from Teams channel data, falling back to the conversation', () => {
    expect(tenantOf({ channelData: { tenant: { id: 'ABC' } } })).toBe('abc');
    expect(tenantOf({ conversation: { tenantId: 'Def' } as never })).toBe('def');
    expect(tenantOf({})).toBeUndefined();
  });

  it('lets an allowed tenant through, whatever the case', () => {
    expect(() => assertTenantAllowed({ channelData: { tenant: { id: 'COUNCIL' } } }, ['council'])).not.toThrow();
  });

  it('refuses another tenant and an activity with no tenant at all', () => {
    expect(() => assertTenantAllowed({ channelData: { tenant: { id: 'other' } } }, ['council'])).toThrow(TenantNotAllowedError);
    expect(() => assertTenantAllowed({}, ['council'])).toThrow(TenantNotAllowedError);
  });
});
