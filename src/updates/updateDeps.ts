/**
 * What the early-help update use cases need, in one object, so each stays a plain function a test can
 * call with a real database and a fixed clock.
 */
import type { Directory } from '../directory/directory';
import type { Logger } from '../logging/logger';
import type { WorkingCalendar } from '../calendar/workingCalendar';
import type { SqlDriver } from '../storage/sqlDriver';

export interface UpdateDeps {
  sql: SqlDriver;
  directory: Directory;
  /** The council's calendar: "today" for expiry dates. */
  calendar: WorkingCalendar;
  logger: Logger;
  now: () => number;
  /** Called after delivery jobs are committed, so the sender starts at once. */
  jobsQueued: () => void;
}
