/**
 * Invoke activities need an answer in the HTTP response itself; without one botbuilder sends 501 with no
 * body. Newer Teams clients and Outlook send a card button (Action.Execute) as an `adaptiveCard/action`
 * invoke rather than a message, so it is run here through the same card verbs as Action.Submit, and answered
 * with a proper invoke response. Refusals (rate limit) are answered in the shape each kind of invoke expects.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const ERROR_RESPONSE = 'application/vnd.microsoft.error';

export function isCardActionInvoke(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === CARD_ACTION_INVOKE;
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
