import { randomUUID } from 'node:crypto';

export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';

/** Sample directory people (config/directory.yaml), by their Entra object ids. */
export const USERS = {
  dslSamplePrimary: '00000000-0000-0000-0000-0000000000020',
  headSamplePrimary: '00000000-0000-0000-0000-0000000000021',
  earlyHelp: '00000000-0000-0000-0000-0000000000022',
  frontDoor: '00000000-0000-0000-0000-0000000000023',
  admin: '00000000-0000-0000-0000-0000000000024',
  dslSampleSecondary: '00000000-0000-0000-0000-0000000000025',
  notInDirectory: '00000000-0000-0000-0000-0000000000029',
} as const;

/** A Teams message activity as the Agents Playground or Teams would post it. */
export function teamsMessage(options: { text: string; serviceUrl: string; tenantId?: string; conversationId?: string; user?: string }) {
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: `user-${options.user ?? USERS.dslSamplePrimary}`, name: 'Test user', aadObjectId: options.user ?? USERS.dslSamplePrimary },
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

/** A card button press, as Teams sends it: a message with no text and the button's data as value. */
export function cardSubmit(options: { serviceUrl: string; value: object; user?: string; conversationId?: string; replyToId?: string }) {
  const message = teamsMessage({ text: '', serviceUrl: options.serviceUrl, user: options.user, conversationId: options.conversationId });
  return { ...message, text: undefined, value: options.value, replyToId: options.replyToId };
}

/** A message in the same user's channel conversation, as Teams sends a post that mentions the bot. */
export function channelMessage(options: { text: string; serviceUrl: string; user?: string }) {
  const message = teamsMessage({ ...options, conversationId: '19:general@thread.tacv2' });
  return { ...message, conversation: { ...message.conversation, conversationType: 'channel' } };
}
