/**
 * Every conversation route, in the order the edge registers them. The order matters: the first matching
 * route wins, and the question route, which answers any other message, must stay last.
 */
import { askRoute, showAnswerRoute } from './ask';
import { cardRefreshRoutes } from './cardRefresh';
import { channelRoutes } from './channel';
import type { ConversationDeps } from './conversationDeps';
import { directoryRoutes } from './directory';
import { feedbackRoutes } from './feedback';
import { guidanceSearchRoutes } from './guidanceSearch';
import { helpRoutes } from './help';
import { inboxRoutes } from './inbox';
import { referralRoutes } from './referral';
import type { Route } from './routes';
import { schoolRoute } from './school';
import { statusRoutes } from './status';
import { thresholdRoutes } from './threshold';
import { updateRoutes } from './update';
import { welcomeRoute } from './welcome';
import { whoamiRoute } from './whoami';

export function conversationRoutes(deps: ConversationDeps): Route[] {
  return [
    ...cardRefreshRoutes(deps),
    ...guidanceSearchRoutes(deps),
    welcomeRoute(deps),
    ...helpRoutes(deps),
    whoamiRoute(deps),
    schoolRoute(deps),
    ...directoryRoutes(deps),
    ...feedbackRoutes(deps),
    ...referralRoutes(deps),
    ...statusRoutes(deps),
    ...thresholdRoutes(deps),
    ...inboxRoutes(deps),
    ...channelRoutes(deps),
    ...updateRoutes(deps),
    showAnswerRoute(deps),
    askRoute(deps), // must stay last: it answers any other message
  ];
}
