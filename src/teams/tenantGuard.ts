/**
 * CloudAdapter validates the Bot Framework JWT but not which Microsoft 365 tenant the user belongs to:
 * any Teams tenant could otherwise talk to the bot. The turn pipeline (turnPipeline.ts) runs this guard after
 * the JWT check and before any route; a refused turn is answered 401 by the HTTP layer.
 */

/** The parts of an activity the guard reads; botbuilder's Activity fits it. */
export interface TenantedActivity {
  channelData?: unknown;
  conversation?: { tenantId?: string };
}

/** Teams puts the tenant in channelData.tenant.id; conversation.tenantId is the fallback some activities carry. */
export function tenantOf(activity: TenantedActivity): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const tenant = fromChannelData ?? activity.conversation?.tenantId;
  return tenant?.toLowerCase();
}

export function isTenantAllowed(activity: TenantedActivity, allowedTenantIds: readonly string[]): boolean {
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowedTenantIds.includes(tenant);
}

/** The one thing a person from another organisation is told; it reveals nothing but that fact. */
export const OTHER_TENANT_REPLY =
  'This safeguarding assistant is only available to the council’s own Microsoft 365 organisation, so I can’t help here. If a child is in immediate danger, call 999.';
