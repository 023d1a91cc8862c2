/**
 * CloudAdapter validates the Bot Framework JWT but not which Microsoft 365 tenant the user belongs to:
 * any Teams tenant could otherwise talk to the bot. This guard runs after the JWT check and before any route.
 */
import { AuthenticationError } from 'botframework-connector';
import type { Activity } from 'botbuilder';

export class TenantNotAllowedError extends AuthenticationError {
  constructor(readonly tenantId: string | undefined) {
    // The HTTP edge answers 401 and logs the tenant; the message names no user, only the tenant.
    super(`Tenant ${tenantId ?? '(none)'} is not allowed to use this bot`, 403);
  }
}

/** Teams puts the tenant in channelData.tenant.id; conversation.tenantId is the fallback some activities carry. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const tenant = fromChannelData ?? activity.conversation?.tenantId;
  return tenant?.toLowerCase();
}

export function isTenantAllowed(activity: Partial<Activity>, allowedTenantIds: readonly string[]): boolean {
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowedTenantIds.includes(tenant);
}

/** The one thing a person from another organisation is told; it reveals nothing but that fact. */
export const OTHER_TENANT_REPLY =
  'This safeguarding assistant is only available to the council’s own Microsoft 365 organisation, so I can’t help here. If a child is in immediate danger, call 999.';
