/**
 * What the referral use cases need, passed in one object so each use case stays a plain function that a
 * test can call with a real database and a fixed clock.
 */
import type { Directory } from '../directory/directory';
import type { Logger } from '../logging/logger';
import type { FieldCipher } from '../security/fieldCipher';
import type { SqlDriver } from '../storage/sqlDriver';
import type { OutcomeCatalogue } from './outcomes';
import type { ReferralKind } from './referralKinds';
import type { WorkingCalendar } from '../calendar/workingCalendar';

export interface ReferralDeps {
  sql: SqlDriver;
  cipher: FieldCipher;
  directory: Directory;
  outcomes: OutcomeCatalogue;
  calendar: WorkingCalendar;
  /** The integration adapter (by name) that delivers each kind of referral. */
  adapterFor: Record<ReferralKind, string>;
  logger: Logger;
  now: () => number;
  /** Called after outbox jobs are committed, so the worker starts on them at once instead of at its next poll. */
  jobsQueued: () => void;
}
