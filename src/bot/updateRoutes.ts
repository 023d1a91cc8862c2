import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { updateFormCard, updatePreviewCard, updateReportCard } from '../cards/updateCards';
import { canPostUpdate } from '../directory/policies';
import type { Person } from '../directory/schema';
import { planUpdate, postUpdate } from '../updates/postUpdate';
import { checkUpdate, updateValuesFrom, type UpdateErrors, type UpdateValues } from '../updates/updateForm';
import { mayReadReport, updateReport } from '../updates/updateReport';
import type { BotDependencies } from './app';
import { currentUser } from './currentUser';
import { personalChatOnly } from './personalChatOnly';
import { replaceCard, sendCard } from './sendCard';

type CardData = Record<string, unknown>;

/**
 * Early-help staff post an update to school channels: `post update` opens the form; Preview shows it as
 * schools will see it and where it will go; Send queues it and shows the delivery report, which the author
 * can refresh and which is sent to them again when every channel is done.
 */
export function registerUpdateRoutes(app: Application, deps: BotDependencies): void {
  const today = () => deps.updates.calendar.dateOf(deps.updates.now());
  const schools = () => deps.directory.snapshot().schools;
  const form = (state: { values?: UpdateValues; errors?: UpdateErrors; notice?: string; nonce?: string } = {}) => updateFormCard({ schools: schools(), today: today(), ...state });
  const check = (values: UpdateValues) => checkUpdate(values, today(), schools().map((school) => school.id));
  const nonceOf = (data: CardData) => (typeof data.nonce === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(data.nonce) ? data.nonce : undefined);

  /** Only early-help staff post updates, and they do it in their personal chat with the bot. */
  const earlyHelpOnly = (handler: (context: TurnContext, user: Person, data: CardData) => Promise<void>) =>
    personalChatOnly(
      async (context: TurnContext, _state?: unknown, data?: CardData) => {
        const user = currentUser(context, deps.directory);
        if (!canPostUpdate(user)) return void (await context.sendActivity('Posting updates to school channels is for the council’s early-help staff.'));
        await handler(context, user!, data ?? {});
      },
      'Post updates from your personal chat with me: type **post update** there.',
    );

  app.message(/^\s*post\s+(an\s+)?update\s*$/i, earlyHelpOnly(async (context) => sendCard(context, form())));

  /** The form's values, checked; when something is wrong, the form to show again with them and the errors. */
  const read = (data: CardData) => {
    const values = updateValuesFrom(data);
    const nonce = nonceOf(data);
    const checked = check(values);
    const refused = checked.ok ? undefined : form({ values, errors: checked.errors, nonce, notice: 'Not sent. Please check the fields marked below.' });
    return { values, nonce, checked, refused };
  };

  app.adaptiveCards.actionSubmit(
    'previewUpdate',
    earlyHelpOnly(async (context, user, data) => {
      const { values, nonce, checked, refused } = read(data);
      if (!checked.ok) return replaceCard(context, refused!);
      const plan = await planUpdate(deps.updates, checked.draft);
      await replaceCard(context, updatePreviewCard({ draft: checked.draft, plan, values, nonce: nonce ?? '', authorName: authorName(user), timeZone: deps.cardContext.timeZone }));
    }),
  );

  app.adaptiveCards.actionSubmit('editUpdate', earlyHelpOnly(async (context, _user, data) => replaceCard(context, form({ values: updateValuesFrom(data), nonce: nonceOf(data) }))));

  app.adaptiveCards.actionSubmit(
    'sendUpdate',
    earlyHelpOnly(async (context, user, data) => {
      const { values, nonce, checked, refused } = read(data);
      if (!checked.ok) return replaceCard(context, refused!);
      if (!nonce) return replaceCard(context, form({ values, notice: 'That form is out of date: check it and press Preview again.' }));
      // The form's nonce makes Send idempotent: a double click or a Teams retry posts the update once.
      const result = await postUpdate(deps.updates, { id: user.aadObjectId.toLowerCase(), name: authorName(user) }, checked.draft, `teams:${user.aadObjectId.toLowerCase()}:${nonce}`);
      await replaceCard(context, updateReportCard((await updateReport(deps.updates, result.update.id))!));
    }),
  );

  app.adaptiveCards.actionSubmit(
    'updateReport',
    personalChatOnly(async (context: TurnContext, _state: unknown, data: CardData) => {
      const report = typeof data.updateId === 'number' ? await updateReport(deps.updates, data.updateId) : undefined;
      if (!report || !mayReadReport(currentUser(context, deps.directory), report.update)) return void (await context.sendActivity('I can’t show that report.'));
      await replaceCard(context, updateReportCard(report));
    }),
  );
}

function authorName(user: Person): string {
  return `${user.name}, early help`;
}
