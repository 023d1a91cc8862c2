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
  const mention = '<at>Safeguarding assistant</at>';
  const message = teamsMessage({ ...options, text: `${mention} ${options.text}`, conversationId: '19:general@thread.tacv2' });
  const entities = [{ type: 'mention', text: mention, mentioned: { id: 'bot-id', name: 'Safeguarding assistant' } }];
  return { ...message, entities, conversation: { ...message.conversation, conversationType: 'channel' } };
}

/** The bot being added to a team, as Teams announces it in the team's General channel (whose id is the team's). */
export function teamInstall(options: { serviceUrl: string; teamId: string; teamName: string }) {
  const message = teamsMessage({ text: '', serviceUrl: options.serviceUrl, conversationId: options.teamId });
  return {
    ...message,
    type: 'conversationUpdate',
    text: undefined,
    from: { id: 'user-installer' },
    membersAdded: [{ id: 'bot-id' }],
    conversation: { ...message.conversation, conversationType: 'channel', isGroup: true },
    channelData: { ...message.channelData, eventType: 'teamMemberAdded', team: { id: options.teamId, name: options.teamName } },
  };
}

/** The bot being removed from a team. */
export function teamUninstall(options: { serviceUrl: string; teamId: string }) {
  const install = teamInstall({ ...options, teamName: '' });
  return {
    ...install,
    membersAdded: undefined,
    membersRemoved: [{ id: 'bot-id' }],
    channelData: { ...install.channelData, eventType: 'teamMemberRemoved' },
  };
}

/** A post in a team channel that mentions the bot (text), or a card button pressed there (value). */
export function channelActivity(options: { serviceUrl: string; teamId: string; user: string; text?: string; value?: object }) {
  const message = teamsMessage({
    text: options.text ?? '',
    serviceUrl: options.serviceUrl,
    user: options.user,
    conversationId: `${options.teamId};messageid=1700000000000`,
  });
  const mention = '<at>Safeguarding assistant</at>';
  return {
    ...message,
    // In a channel, Teams delivers a post to the bot only when it mentions the bot.
    text: options.text === undefined ? undefined : `${mention} ${options.text}`,
    entities:
      options.text === undefined
        ? undefined
        : [{ type: 'mention', text: mention, mentioned: { id: 'bot-id', name: 'Safeguarding assistant' } }],
    value: options.value,
    conversation: { ...message.conversation, conversationType: 'channel', isGroup: true },
    channelData: { ...message.channelData, team: { id: options.teamId }, channel: { id: options.teamId } },
  };
}

/** An Action.Execute press as newer Teams clients and Outlook send it: an `adaptiveCard/action` invoke. */
export function cardActionInvoke(options: { serviceUrl: string; verb: string; data?: object; user?: string; conversationId?: string }) {
  const message = teamsMessage({ text: '', serviceUrl: options.serviceUrl, user: options.user, conversationId: options.conversationId });
  return {
    ...message,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data ?? {} }, trigger: 'manual' },
  };
}
