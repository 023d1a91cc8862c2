/**
 * The commands the bot understands, as the help card lists them. The Teams manifest's commandLists must
 * name the same commands (a test checks that the two agree).
 */
export interface BotCommand {
  title: string;
  description: string;
}

export const BOT_COMMANDS: BotCommand[] = [
  { title: 'help', description: 'Show what I can do and the commands I understand' },
  { title: 'ask', description: 'Ask about thresholds, early help or referrals in your own words' },
  { title: 'whoami', description: 'Show your role and school, or how to get access' },
  { title: 'refer', description: 'School staff: make an early-help request or a front door (MASH) referral' },
  { title: 'status', description: 'Your school’s referrals and their outcomes; status FD-2026-000124 opens one' },
  { title: 'inbox', description: 'Front door and early-help staff: referrals awaiting a decision' },
  { title: 'post update', description: 'Early-help staff: post a course, service change or reminder to school channels' },
  { title: 'link channel', description: 'In a school’s channel: receive the council’s early-help updates there' },
  { title: 'subscriptions', description: 'In a linked channel: choose which kinds of update it receives' },
  { title: 'school', description: 'DSLs and heads: who at your school can use the assistant' },
  { title: 'report', description: 'Council staff: how many people found each answer helpful' },
  { title: 'directory', description: 'Admins: list, add and remove schools and people' },
];
