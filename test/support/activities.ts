import { randomUUID } from 'node:crypto';

export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';

/** A Teams message activity as the Agents Playground or Teams would post it. */
export function teamsMessage(options: { text: string; serviceUrl: string; tenantId?: string; conversationId?: string }) {
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
    recipient: { id: 'bot-id', name: 'Safeguarding assistant' },
    conversation: { id: options.conversationId ?? 'personal-chat-id', conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    text: options.text,
  };
}

export async function postActivity(botUrl: string, activity: object, headers: Record<string, string> = {}) {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
}
