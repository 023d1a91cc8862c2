/** Public guidance: for everyone who can reach the bot in the council's tenant (the tenant guard checked that). */
import type { User } from './people';

export function canAskQuestions(_user: User | undefined): boolean {
  return true;
}
