/** What the conversation handlers run on: the use cases' dependencies, the knowledge pack and the directory. */
import type { AnswerService } from '../answers/answerService';
import type { ReferralCardContext } from '../cards/referralCards';
import type { Directory } from '../directory/directory';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../logging/logger';
import type { ReferralDeps } from '../referrals/referralDeps';
import type { Database } from '../storage/database';
import type { UpdateDeps } from '../updates/updateDeps';

export interface ConversationDeps {
  knowledge: KnowledgeBase;
  answers: AnswerService;
  database: Database;
  directory: Directory;
  logger: Logger;
  /** The referral use cases (submit, read, record outcomes) and what they run on. */
  referrals: ReferralDeps;
  /** What cards show from the pack (contacts, disclaimer) and the council’s time zone. */
  cardContext: ReferralCardContext;
  /** The early-help update use cases (channels, posting, reports) and what they run on. */
  updates: UpdateDeps;
}
