import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { DIRECTORY_FORM_FIELDS, directoryAdminCard, type DirectoryCardState, type DirectoryForm } from '../cards/directoryAdminCard';
import { addPersonFromForm, addSchoolFromForm, type FormResult } from '../directory/directoryForms';
import { canManageDirectory } from '../directory/policies';
import type { BotDependencies } from './app';
import { currentUser } from './currentUser';
import { sendCard } from './sendCard';
import { turnLogger } from './turnHandler';

type SubmitData = Record<string, unknown>;

/** `directory` for admins: list, add and remove schools and people with one card. */
export function registerDirectoryRoutes(app: Application, deps: BotDependencies): void {
  const showCard = (context: TurnContext, state?: DirectoryCardState) => sendCard(context, directoryAdminCard(deps.directory.snapshot(), state));

  /** Runs an admin action only for admins; everyone else is told plainly, and nothing changes. */
  const adminOnly = (action: (context: TurnContext, data: SubmitData) => Promise<void>) => async (context: TurnContext, _state: unknown, data?: SubmitData) => {
    if (!canManageDirectory(currentUser(context, deps.directory))) {
      await context.sendActivity('Only the council’s directory admins can view or change the directory.');
      return;
    }
    await action(context, data ?? {});
  };

  const formFrom = (data: SubmitData): DirectoryForm =>
    Object.fromEntries(DIRECTORY_FORM_FIELDS.map((field) => [field, typeof data[field] === 'string' ? (data[field] as string) : '']));

  const afterSubmit = async (context: TurnContext, data: SubmitData, result: FormResult, what: string) => {
    turnLogger(context, deps.logger).info({ change: what, ok: result.ok }, 'directory change');
    if (result.ok) await showCard(context, { notice: { text: result.message, good: true } });
    else await showCard(context, { form: formFrom(data), errors: result.errors, notice: { text: 'Nothing was saved: please correct the fields marked below.', good: false } });
  };

  app.message(/^\s*directory\s*$/i, adminOnly(async (context) => showCard(context)));

  app.adaptiveCards.actionSubmit('directoryAddPerson', adminOnly(async (context, data) => afterSubmit(context, data, await addPersonFromForm(deps.directory, formFrom(data)), 'add person')));

  app.adaptiveCards.actionSubmit('directoryAddSchool', adminOnly(async (context, data) => afterSubmit(context, data, await addSchoolFromForm(deps.directory, formFrom(data)), 'add school')));

  app.adaptiveCards.actionSubmit(
    'directoryRemovePerson',
    adminOnly(async (context, data) => {
      const removed = typeof data.aadObjectId === 'string' && (await deps.directory.removePerson(data.aadObjectId));
      await showCard(context, { notice: removed ? { text: 'Removed.', good: true } : { text: 'That person was not in the directory.', good: false } });
    }),
  );

  app.adaptiveCards.actionSubmit(
    'directoryRemoveSchool',
    adminOnly(async (context, data) => {
      const removed = typeof data.schoolId === 'string' && (await deps.directory.removeSchool(data.schoolId));
      const notice = removed ? { text: 'Removed.', good: true } : { text: 'Not removed: move or remove the school’s people first.', good: false };
      await showCard(context, { notice });
    }),
  );
}
