/**
 * The threshold helper in the chat: `what level` or `levels` (or the button on a level answer) shows the
 * card to tick; "Suggest a level" answers with the suggestion. What was ticked is read once and forgotten:
 * it is not stored, and the log line holds only how many were ticked and the level suggested.
 */
import { DOMAIN_INPUTS, thresholdHelperCard, thresholdResultCard } from '../cards/thresholdCards';
import { suggestLevel } from '../thresholds/suggestLevel';
import type { CardData } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { personalChatOnly } from './placeGuards';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

const HELPER_IS_PRIVATE =
  'The threshold helper is for your personal chat with me, so what you tick about a child is not seen by others. Open a chat with the Safeguarding assistant and type **what level** there.';

const NOTHING_TICKED =
  'Tick at least one thing you see about the child, then press **Suggest a level**. If you are unsure, consult the front door.';

/** The phrases that open the helper; anything longer ("what level is neglect?") is a question for the pack. */
export const THRESHOLD_HELPER_PHRASES = /^\s*(what level|which level|levels|level of need|threshold helper)\s*\??\s*$/i;

export function thresholdRoutes(deps: ConversationDeps): Route[] {
  const context = () => ({ frontDoor: deps.cardContext.frontDoor, disclaimer: deps.cardContext.disclaimer });

  const showHelper = personalChatOnly(async (turn: Turn) => {
    await turn.sendCard(thresholdHelperCard(context(), deps.knowledge.pack.indicators));
  }, HELPER_IS_PRIVATE);

  const suggest = personalChatOnly(async (turn: Turn, data: CardData<'suggestLevel'>) => {
    const suggestion = suggestLevel(deps.knowledge.pack, tickedIn(data));
    if (suggestion.kind === 'nothing-ticked') {
      turn.log.info({ ticked: 0 }, 'threshold helper: nothing ticked');
      return turn.sendText(NOTHING_TICKED);
    }
    turn.log.info(
      { ticked: suggestion.tickedCount, suggestedLevel: suggestion.level.number, significantHarm: suggestion.significantHarm.length > 0 },
      'threshold helper suggested a level',
    );
    await turn.sendCard(thresholdResultCard({ ...context(), suggestion, levelAnswerId: levelAnswerId(deps, suggestion.level.number) }));
  }, HELPER_IS_PRIVATE);

  return [message(THRESHOLD_HELPER_PHRASES, showHelper), cardAction('thresholdHelper', showHelper), cardAction('suggestLevel', suggest)];
}

/**
 * The ids ticked, from each domain's input (a multi-select sends "a,b,c"). suggestLevel ignores ids the pack
 * does not know, so a forged press can only tick real indicators.
 */
export function tickedIn(data: CardData<'suggestLevel'>): string[] {
  return Object.values(DOMAIN_INPUTS).flatMap((input) =>
    (data[input] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0)
      .slice(0, 100),
  );
}

/** The pack's answer about one level (level-2-early-help…), for the "About level N" button. */
function levelAnswerId(deps: ConversationDeps, level: number): string | undefined {
  return deps.knowledge.pack.answers.find(
    (answer) => answer.kind === 'threshold' && answer.level === level && answer.id.startsWith(`level-${level}-`),
  )?.id;
}
