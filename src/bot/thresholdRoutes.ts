/**
 * The threshold helper in the chat: `what level` or `levels` (or the button on a level answer) shows the
 * card to tick; "Suggest a level" answers with the suggestion. What was ticked is read once and forgotten:
 * it is not stored, and the log line holds only how many were ticked and the level suggested.
 */
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { DOMAIN_INPUTS, thresholdHelperCard, thresholdResultCard } from '../cards/thresholdCards';
import { suggestLevel } from '../thresholds/suggestLevel';
import type { BotDependencies } from './app';
import { personalChatOnly } from './personalChatOnly';
import { sendCard } from './sendCard';
import { turnLogger } from './turnHandler';

const HELPER_IS_PRIVATE =
  'The threshold helper is for your personal chat with me, so what you tick about a child is not seen by others. Open a chat with the Safeguarding assistant and type **what level** there.';

const NOTHING_TICKED = 'Tick at least one thing you see about the child, then press **Suggest a level**. If you are unsure, consult the front door.';

/** The phrases that open the helper; anything longer ("what level is neglect?") is a question for the pack. */
export const THRESHOLD_HELPER_PHRASES = /^\s*(what level|which level|levels|level of need|threshold helper)\s*\??\s*$/i;

export function registerThresholdRoutes(app: Application, deps: BotDependencies): void {
  const context = () => ({ frontDoor: deps.cardContext.frontDoor, disclaimer: deps.cardContext.disclaimer });

  const showHelper = personalChatOnly(async (turn: TurnContext) => {
    await sendCard(turn, thresholdHelperCard(context(), deps.knowledge.pack.indicators));
  }, HELPER_IS_PRIVATE);

  const suggest = personalChatOnly(async (turn: TurnContext, data: Record<string, unknown>) => {
    const suggestion = suggestLevel(deps.knowledge.pack, tickedIn(data));
    const log = turnLogger(turn, deps.logger);
    if (suggestion.kind === 'nothing-ticked') {
      log.info({ ticked: 0 }, 'threshold helper: nothing ticked');
      return void (await turn.sendActivity(NOTHING_TICKED));
    }
    log.info({ ticked: suggestion.tickedCount, suggestedLevel: suggestion.level.number, significantHarm: suggestion.significantHarm.length > 0 }, 'threshold helper suggested a level');
    await sendCard(turn, thresholdResultCard({ ...context(), suggestion, levelAnswerId: levelAnswerId(deps, suggestion.level.number) }));
  }, HELPER_IS_PRIVATE);

  app.message(THRESHOLD_HELPER_PHRASES, async (turn) => showHelper(turn));
  app.adaptiveCards.actionSubmit('thresholdHelper', async (turn) => showHelper(turn));
  app.adaptiveCards.actionSubmit('suggestLevel', async (turn, _state, data: Record<string, unknown>) => suggest(turn, data ?? {}));
}

/**
 * The ids ticked, from each domain's input (a multi-select sends "a,b,c"). Anything that is not a string is
 * ignored, and suggestLevel ignores ids the pack does not know, so a forged press can only tick real indicators.
 */
export function tickedIn(data: Record<string, unknown>): string[] {
  return Object.values(DOMAIN_INPUTS).flatMap((input) => {
    const value = data[input];
    return typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter((id) => id.length > 0).slice(0, 100) : [];
  });
}

/** The pack's answer about one level (level-2-early-help…), for the "About level N" button. */
function levelAnswerId(deps: BotDependencies, level: number): string | undefined {
  return deps.knowledge.pack.answers.find((answer) => answer.kind === 'threshold' && answer.level === level && answer.id.startsWith(`level-${level}-`))?.id;
}
