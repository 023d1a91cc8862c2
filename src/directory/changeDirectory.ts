/**
 * The admins' directory use cases: see it, add or replace a person or a school, remove one. Each checks
 * policies/directory.ts itself (a card's data is whatever the client sends, so the route is never the only
 * check), validates, writes, and leaves an audit entry in the same transaction as the change. Refusals are
 * audited too, and nothing is written for them.
 */
import type { Logger } from '../logging/logger';
import { canManageDirectory } from '../policies';
import { appendAudit, type AuditAction } from '../storage/auditRows';
import type { SqlExecutor } from '../storage/sqlDriver';
import type { Directory } from './directory';
import { personFromForm, schoolFromForm, type DirectoryForm } from './directoryForms';
import type { DirectoryData, Person } from './schema';

/** What the use cases run on; the update runtime's deps (`UpdateDeps`) have exactly these. */
export interface DirectoryChangeDeps {
  directory: Directory;
  sql: SqlExecutor;
  now: () => number;
  logger?: Logger;
}

export type DirectorySave = { status: 'saved'; message: string } | { status: 'invalid'; errors: DirectoryForm } | { status: 'not-allowed' };

/** `not-removed`: no such person, or a school that is unknown or still has people. */
export type DirectoryRemoval = { status: 'removed' } | { status: 'not-removed' } | { status: 'not-allowed' };

/** The whole directory, for the admin card; undefined for anyone else. */
export function showDirectory(deps: Pick<DirectoryChangeDeps, 'directory'>, user: Person | undefined): DirectoryData | undefined {
  return canManageDirectory(user) ? deps.directory.snapshot() : undefined;
}

export async function addPersonToDirectory(
  deps: DirectoryChangeDeps,
  user: Person | undefined,
  form: DirectoryForm,
): Promise<DirectorySave> {
  if (!canManageDirectory(user)) return refuse(deps, user, 'directory.person-added');
  const parsed = personFromForm(deps.directory, form);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const existed = deps.directory.findPerson(parsed.value.aadObjectId) !== undefined;
  await deps.directory.addPerson(parsed.value, changeBy(deps, user));
  return { status: 'saved', message: `${existed ? 'Updated' : 'Added'} ${parsed.value.name}.` };
}

export async function addSchoolToDirectory(
  deps: DirectoryChangeDeps,
  user: Person | undefined,
  form: DirectoryForm,
): Promise<DirectorySave> {
  if (!canManageDirectory(user)) return refuse(deps, user, 'directory.school-added');
  const parsed = schoolFromForm(form);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const existing = deps.directory.school(parsed.value.id);
  // The card has no Teams team field: an edit keeps the team, so the school's claim on its channels stands.
  const school = existing?.teamsTeamId && !parsed.value.teamsTeamId ? { ...parsed.value, teamsTeamId: existing.teamsTeamId } : parsed.value;
  await deps.directory.addSchool(school, changeBy(deps, user));
  return { status: 'saved', message: `${existing ? 'Updated' : 'Added'} ${parsed.value.name}.` };
}

export async function removePersonFromDirectory(
  deps: DirectoryChangeDeps,
  user: Person | undefined,
  aadObjectId: string,
): Promise<DirectoryRemoval> {
  if (!canManageDirectory(user)) return refuse(deps, user, 'directory.person-removed');
  const removed = aadObjectId !== '' && (await deps.directory.removePerson(aadObjectId, changeBy(deps, user)));
  return { status: removed ? 'removed' : 'not-removed' };
}

/** A school is removed only once nobody belongs to it (the database enforces that too). */
export async function removeSchoolFromDirectory(
  deps: DirectoryChangeDeps,
  user: Person | undefined,
  schoolId: string,
): Promise<DirectoryRemoval> {
  if (!canManageDirectory(user)) return refuse(deps, user, 'directory.school-removed');
  const removed = schoolId !== '' && (await deps.directory.removeSchool(schoolId, changeBy(deps, user)));
  return { status: removed ? 'removed' : 'not-removed' };
}

function changeBy(deps: DirectoryChangeDeps, user: Person | undefined) {
  return { actor: user!.aadObjectId.toLowerCase(), at: deps.now() };
}

/** A refused change: audited (who, which change; not what the card sent) and logged, nothing written. */
async function refuse(deps: DirectoryChangeDeps, user: Person | undefined, action: AuditAction): Promise<{ status: 'not-allowed' }> {
  await appendAudit(deps.sql, {
    at: deps.now(),
    actor: user?.aadObjectId.toLowerCase() ?? 'unknown',
    action,
    schoolId: user?.school,
    allowed: false,
  });
  deps.logger?.warn({ change: action }, 'directory change refused');
  return { status: 'not-allowed' };
}
