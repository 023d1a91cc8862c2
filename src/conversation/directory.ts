/**
 * `directory` for admins: list, add and remove schools and people with one card. Each press calls its use
 * case (directory/changeDirectory.ts), which checks the rule itself and audits the change; this file only
 * says what happened.
 */
import { directoryAdminCard, type DirectoryCardState } from '../cards/directoryAdminCard';
import {
  addPersonToDirectory,
  addSchoolToDirectory,
  removePersonFromDirectory,
  removeSchoolFromDirectory,
  showDirectory,
  type DirectoryRemoval,
  type DirectorySave,
} from '../directory/changeDirectory';
import type { DirectoryForm } from '../directory/directoryForms';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

const ADMINS_ONLY = 'Only the council’s directory admins can view or change the directory.';

export function directoryRoutes(deps: ConversationDeps): Route[] {
  const changes = deps.updates;
  const showCard = (turn: Turn, state?: DirectoryCardState) => turn.sendCard(directoryAdminCard(deps.directory.snapshot(), state));

  const afterSave = async (turn: Turn, form: DirectoryForm, result: DirectorySave, what: string) => {
    if (result.status === 'not-allowed') return turn.sendText(ADMINS_ONLY);
    turn.log.info({ change: what, ok: result.status === 'saved' }, 'directory change');
    if (result.status === 'saved') await showCard(turn, { notice: { text: result.message, good: true } });
    else
      await showCard(turn, {
        form,
        errors: result.errors,
        notice: { text: 'Nothing was saved: please correct the fields marked below.', good: false },
      });
  };

  const afterRemoval = async (turn: Turn, result: DirectoryRemoval, notRemoved: string) => {
    if (result.status === 'not-allowed') return turn.sendText(ADMINS_ONLY);
    await showCard(turn, { notice: result.status === 'removed' ? { text: 'Removed.', good: true } : { text: notRemoved, good: false } });
  };

  return [
    message(/^\s*directory\s*$/i, async (turn) => {
      const directory = showDirectory(deps, currentUser(turn, deps.directory));
      await (directory ? turn.sendCard(directoryAdminCard(directory)) : turn.sendText(ADMINS_ONLY));
    }),
    cardAction('directoryAddPerson', async (turn, form) =>
      afterSave(turn, form, await addPersonToDirectory(changes, currentUser(turn, deps.directory), form), 'add person'),
    ),
    cardAction('directoryAddSchool', async (turn, form) =>
      afterSave(turn, form, await addSchoolToDirectory(changes, currentUser(turn, deps.directory), form), 'add school'),
    ),
    cardAction('directoryRemovePerson', async (turn, data) =>
      afterRemoval(
        turn,
        await removePersonFromDirectory(changes, currentUser(turn, deps.directory), data.aadObjectId ?? ''),
        'That person was not in the directory.',
      ),
    ),
    cardAction('directoryRemoveSchool', async (turn, data) =>
      afterRemoval(
        turn,
        await removeSchoolFromDirectory(changes, currentUser(turn, deps.directory), data.schoolId ?? ''),
        'Not removed: move or remove the school’s people first.',
      ),
    ),
  ];
}
