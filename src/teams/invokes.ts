/**
 * Invoke activities need an answer in the HTTP response itself; without one botbuilder sends 501 with no
 * body. Newer Teams clients and Outlook send a card button (Action.Execute) as an `adaptiveCard/action`
 * invoke rather than a message, so it is run here through the same card verbs as Action.Submit, and answered
 * with a proper invoke response. A card's `refresh` (Universal Actions, CARD_REFRESH_VERBS) is the exception:
 * it is answered with the card itself, which Teams shows in place of the old one to the person whose client
 * asked, so each person sees their own view. Refusals (rate limit) are answered in the shape each kind of invoke expects.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { CARD_REFRESH_VERBS, type CardRefreshVerb } from '../conversation/cardActions';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const ERROR_RESPONSE = 'application/vnd.microsoft.error';

/** Renders the card for the person whose client asked, from the refresh action's data (which anyone can forge). */
export type CardRefresher = (context: TurnContext, data: Record<string, unknown>) => Promise<object>;

export function isCardActionInvoke(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === CARD_ACTION_INVOKE;
}

/** An Action.Execute press or refresh to run as an Action.Submit: any verb but the refresh verbs. */
export function runsAsSubmit(context: TurnContext): boolean {
  return isCardActionInvoke(context) && !isRefresh(context);
}

function isRefresh(context: TurnContext): boolean {
  const verb = submitValueOf(context.activity.value).verb;
  return (CARD_REFRESH_VERBS as readonly unknown[]).includes(verb);
}

/**
 * Answers one refresh verb with the card `render` returns, as an invoke response of type card. Unlike
 * teams-ai's actionExecute, the message is not updated for everyone (which it does whenever the card has a
 * `refresh`): the card is rendered for one person (what they may see, whether they may record an outcome),
 * so it goes back to that person's client only.
 */
export function registerCardRefresh(app: Application, verb: CardRefreshVerb, render: CardRefresher): void {
  app.addRoute(
    async (context) => isCardActionInvoke(context) && submitValueOf(context.activity.value).verb === verb,
    async (context) => {
      const { verb: _verb, ...data } = submitValueOf(context.activity.value);
      const card = await render(context, data);
      await answerInvoke(context, 200, { statusCode: 200, type: CARD_RESPONSE, value: card });
    },
    true,
  );
}

/**
 * Runs an Action.Execute press as the Action.Submit press it stands for (a message with no text whose value
 * is the button's data and verb), so every card verb has one handler whichever client pressed it. The routes
 * reply in the chat as usual; the invoke is answered with a short message.
 */
export async function runCardActionAsSubmit(context: TurnContext, run: (context: TurnContext) => Promise<void>): Promise<void> {
  const activity = context.activity;
  const original = { type: activity.type, name: activity.name, value: activity.value, text: activity.text };
  Object.assign(activity, { type: ActivityTypes.Message, name: undefined, value: submitValueOf(activity.value), text: undefined });
  try {
    await run(context);
  } finally {
    // botbuilder reads the invoke response only for an activity that is still an invoke. If a route threw,
    // the adapter's error handler apologises in the chat, so the answer below stays true.
    Object.assign(activity, original);
    await answerInvoke(context, 200, { statusCode: 200, type: MESSAGE_RESPONSE, value: 'I have replied in the chat.' });
  }
}

/** The button's data, with the verb from Action.Execute's own `verb` (or the data's, as Action.Submit carries it). */
export function submitValueOf(invokeValue: unknown): Record<string, unknown> {
  const action = asObject(asObject(invokeValue).action);
  const data = asObject(action.data);
  const verb = typeof action.verb === 'string' ? action.verb : data.verb;
  return verb === undefined ? { ...data } : { ...data, verb };
}

/** Tells the sender of an invoke that they are going too fast, in the shape that kind of invoke expects. */
export async function refuseInvoke(context: TurnContext, sentence: string): Promise<void> {
  const name = context.activity.name ?? '';
  if (name === CARD_ACTION_INVOKE) {
    await answerInvoke(context, 200, { statusCode: 429, type: ERROR_RESPONSE, value: { code: 'TooManyRequests', message: sentence } });
  } else if (name.startsWith('composeExtension/')) {
    await answerInvoke(context, 200, { composeExtension: { type: 'message', text: sentence } });
  } else {
    await answerInvoke(context, 429, { error: sentence });
  }
}

async function answerInvoke(context: TurnContext, status: number, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
