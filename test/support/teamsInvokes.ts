/**
 * Invokes as Teams sends them for Universal Actions and the search message extension, shaped after the
 * Bot Framework schema (AdaptiveCardInvokeValue; MessagingExtensionQuery) and research/teams.md §1.4–1.5.
 */
import { teamsMessage, USERS } from './activities';

/**
 * A card's `refresh` (trigger automatic: Teams asked when it showed the card) or a press of an
 * Action.Execute button (trigger manual). `replyToId` is the id of the message holding the card.
 */
export function refreshInvoke(options: {
  serviceUrl: string;
  verb: string;
  data: object;
  user?: string;
  conversationId?: string;
  trigger?: 'automatic' | 'manual';
  conversationType?: string;
}) {
  const message = teamsMessage({ text: '', serviceUrl: options.serviceUrl, user: options.user, conversationId: options.conversationId });
  return {
    ...message,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId: '1700000000001',
    conversation: { ...message.conversation, conversationType: options.conversationType ?? 'personal' },
    channelData: { ...message.channelData, source: { name: 'message' }, legacy: { replyToId: '1:card-message-id' } },
    value: {
      action: { type: 'Action.Execute', id: 'refresh-action', title: 'Refresh', verb: options.verb, data: options.data },
      trigger: options.trigger ?? 'automatic',
    },
  };
}

/** Someone typing in the compose box of a team channel, with the search command open (`initialRun` when it first opens). */
export function composeQuery(options: {
  serviceUrl: string;
  text?: string;
  initialRun?: boolean;
  user?: string;
  commandId?: string;
  skip?: number;
  count?: number;
}) {
  const message = teamsMessage({
    text: '',
    serviceUrl: options.serviceUrl,
    user: options.user ?? USERS.dslSamplePrimary,
    conversationId: '19:general@thread.tacv2;messageid=1700000000000',
  });
  const parameters = options.initialRun ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchQuery', value: options.text ?? '' }];
  return {
    ...message,
    type: 'invoke',
    name: 'composeExtension/query',
    text: undefined,
    conversation: { ...message.conversation, conversationType: 'channel', isGroup: true },
    channelData: {
      ...message.channelData,
      source: { name: 'compose' },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: '19:general@thread.tacv2' },
    },
    value: {
      commandId: options.commandId ?? 'searchGuidance',
      parameters,
      queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
    },
  };
}

/** The person choosing one result from the list: Teams sends the result's `preview.content.tap.value` back. */
export function composeSelectItem(options: { serviceUrl: string; value: unknown; user?: string }) {
  const query = composeQuery({ serviceUrl: options.serviceUrl, user: options.user });
  return { ...query, name: 'composeExtension/selectItem', value: options.value };
}
