/**
 * Early-help staff post an update to school channels: `post update` opens the form; Preview shows it as
 * schools will see it and where it will go; Send queues it and shows the delivery report, which the author
 * can refresh and which is sent to them again when every channel is done.
 */
import { updateFormCard, updatePreviewCard, updateReportCard } from '../cards/updateCards';
import type { Person } from '../directory/schema';
import { canPostUpdate } from '../policies';
import { planUpdate, postUpdate } from '../updates/postUpdate';
import { checkUpdate, updateValuesFrom, type UpdateErrors, type UpdateValues } from '../updates/updateForm';
import { readUpdateReport, updateReport } from '../updates/updateReport';
import type { CardData } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { currentUser } from './currentUser';
import { personalChatOnly } from './placeGuards';
import { cardAction, message, type Route } from './routes';
import type { Turn } from './turn';

type UpdateFormData = CardData<'previewUpdate'>;
type FormState = { values?: UpdateValues; errors?: UpdateErrors; notice?: string; nonce?: string };

export function updateRoutes(deps: ConversationDeps): Route[] {
  const today = () => deps.updates.calendar.dateOf(deps.updates.now());
  const schools = () => deps.directory.snapshot().schools;
  const form = (state: FormState = {}) => updateFormCard({ schools: schools(), today: today(), ...state });
  const check = (values: UpdateValues) =>
    checkUpdate(
      values,
      today(),
      schools().map((school) => school.id),
    );
  const nonceOf = (data: UpdateFormData) => (data.nonce !== undefined && /^[A-Za-z0-9-]{8,64}$/.test(data.nonce) ? data.nonce : undefined);

  /** Only early-help staff post updates, and they do it in their personal chat with the bot. */
  const earlyHelpOnly = <Data = undefined>(handler: (turn: Turn, user: Person, data: Data) => Promise<void>) =>
    personalChatOnly(async (turn: Turn, data?: Data) => {
      const user = currentUser(turn, deps.directory);
      if (!canPostUpdate(user)) return turn.sendText('Posting updates to school channels is for the council’s early-help staff.');
      await handler(turn, user!, data as Data);
    }, 'Post updates from your personal chat with me: type **post update** there.');

  /** The form's values, checked; when something is wrong, the form to show again with them and the errors. */
  const read = (data: UpdateFormData) => {
    const values = updateValuesFrom(data);
    const nonce = nonceOf(data);
    const checked = check(values);
    const refused = checked.ok
      ? undefined
      : form({ values, errors: checked.errors, nonce, notice: 'Not sent. Please check the fields marked below.' });
    return { values, nonce, checked, refused };
  };

  const preview = async (turn: Turn, user: Person, data: UpdateFormData) => {
    const { values, nonce, checked, refused } = read(data);
    if (!checked.ok) return turn.replaceCard(refused!);
    const plan = await planUpdate(deps.updates, checked.draft);
    await turn.replaceCard(
      updatePreviewCard({
        draft: checked.draft,
        plan,
        values,
        nonce: nonce ?? '',
        authorName: authorName(user),
        timeZone: deps.cardContext.timeZone,
      }),
    );
  };

  const send = async (turn: Turn, user: Person, data: UpdateFormData) => {
    const { values, nonce, checked, refused } = read(data);
    if (!checked.ok) return turn.replaceCard(refused!);
    if (!nonce) return turn.replaceCard(form({ values, notice: 'That form is out of date: check it and press Preview again.' }));
    // The form's nonce makes Send idempotent: a double click or a Teams retry posts the update once.
    const result = await postUpdate(
      deps.updates,
      { id: user.aadObjectId.toLowerCase(), name: authorName(user) },
      checked.draft,
      `teams:${user.aadObjectId.toLowerCase()}:${nonce}`,
    );
    await turn.replaceCard(updateReportCard((await updateReport(deps.updates, result.update.id))!));
  };

  const showReport = personalChatOnly(async (turn: Turn, data: CardData<'updateReport'>) => {
    const report =
      data.updateId !== undefined ? await readUpdateReport(deps.updates, currentUser(turn, deps.directory), data.updateId) : undefined;
    if (!report) return turn.sendText('I can’t show that report.');
    await turn.replaceCard(updateReportCard(report));
  });

  return [
    message(
      /^\s*post\s+(an\s+)?update\s*$/i,
      earlyHelpOnly(async (turn) => turn.sendCard(form())),
    ),
    cardAction('previewUpdate', earlyHelpOnly(preview)),
    cardAction(
      'editUpdate',
      earlyHelpOnly<UpdateFormData>(async (turn, _user, data) =>
        turn.replaceCard(form({ values: updateValuesFrom(data), nonce: nonceOf(data) })),
      ),
    ),
    cardAction('sendUpdate', earlyHelpOnly(send)),
    cardAction('updateReport', showReport),
  ];
}

function authorName(user: Person): string {
  return `${user.name}, early help`;
}
