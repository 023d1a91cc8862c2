import { describe, expect, it } from 'vitest';
import {
  referralChooserCard,
  referralDetailCard,
  referralReceiptCard,
  immediateDangerStopCard,
  type ReferralCardContext,
} from '../../src/cards/referralCards';
import { referralFormCard } from '../../src/cards/referralFormCard';
import { notificationCard } from '../../src/cards/referralNoticeCards';
import { MAX_FORM_CARD_BYTES, renderCard } from '../../src/cards/renderCard';
import { checkForm, FORM_FIELDS, MAX_LENGTH } from '../../src/referrals/referralForm';
import type { ReferralSummary } from '../../src/referrals/referralSummary';
import { realKnowledgeBase } from '../support/knowledge';
import { validForm } from '../support/referralForms';

const knowledge = realKnowledgeBase();
const context: ReferralCardContext = {
  timeZone: 'Europe/London',
  frontDoor: knowledge.contact('front-door')!,
  emergencyContacts: knowledge.emergencyContacts(),
  disclaimer: knowledge.pack.info.disclaimer,
};
const text = (card: object) => JSON.stringify(card);

const summary = (overrides: Partial<ReferralSummary> = {}): ReferralSummary => ({
  reference: 'FD-2026-000124',
  kind: 'front-door',
  kindName: 'Front door (MASH) referral',
  schoolId: 'sample-primary',
  schoolName: 'Sample Primary School (fictional)',
  referrerName: 'Alex Wilber',
  childInitials: 'JO',
  submittedAt: Date.UTC(2026, 10, 23, 10, 2),
  decisionDueAt: Date.UTC(2026, 10, 24, 10, 2),
  status: 'awaiting-decision',
  personalDataDeleted: false,
  ...overrides,
});

const checked = checkForm('front-door', validForm('front-door'), '2026-11-23');
const checkedForm = checked.ok ? checked.form : undefined;

const formInput = {
  schoolName: 'Sample Primary School (fictional)',
  referrer: 'Alex Wilber, Designated safeguarding lead',
  today: '2026-11-23',
  frontDoorPhone: '0121 788 4300',
};

describe('referral cards', () => {
  it('the chooser puts 999 and the front door first, and offers both kinds', () => {
    const card = text(referralChooserCard(context));
    expect(card.indexOf('call 999')).toBeLessThan(card.indexOf('Make a referral'));
    expect(card).toContain('"kind":"front-door"');
    expect(card).toContain('"kind":"early-help"');
    expect(card).toContain('tel:01217884300');
  });

  it('"yes, in immediate danger" says call 999 now and stores nothing', () => {
    const card = text(immediateDangerStopCard(context));
    expect(card).toContain('Stop: call 999 now');
    expect(card).toContain('0121 605 6060');
    expect(card).not.toContain('Input.');
  });

  it('the form comes back with every value kept and each error beside its field', () => {
    const values = validForm('front-door', { childLastName: '' });
    const card = referralFormCard({
      ...formInput,
      kind: 'front-door',
      values,
      errors: { childLastName: 'Enter the child’s last name' },
      nonce: 'nonce-12345678',
      notice: 'Nothing has been sent yet.',
    });
    const inputs = (card.body as Array<{ items?: Array<{ id?: string; value?: string }> }>)
      .flatMap((c) => c.items ?? [])
      .filter((i) => i.id);
    expect(inputs.find((i) => i.id === 'childFirstName')?.value).toBe('Jayden');
    expect(inputs.find((i) => i.id === 'concernWhat')?.value).toBe(values.concernWhat);
    const json = text(card);
    expect(json.indexOf('"id":"childLastName"')).toBeLessThan(json.indexOf('Enter the child’s last name"'));
    expect(json).toContain('"nonce":"nonce-12345678"');
  });

  it('has an input for every field the server checks, and each kind only its own', () => {
    for (const kind of ['front-door', 'early-help'] as const) {
      const ids = (text(referralFormCard({ ...formInput, kind })).match(/"id":"[a-zA-Z]+"/g) ?? []).map((m) => m.slice(6, -1));
      expect(ids.sort()).toEqual([...FORM_FIELDS[kind]].sort());
    }
  });

  it('stays within the bot-message limit even when every field is full of four-byte characters and marked wrong', () => {
    const full = Object.fromEntries(FORM_FIELDS['front-door'].map((field) => [field, '😀'.repeat(MAX_LENGTH[field])]));
    const errors = Object.fromEntries(FORM_FIELDS['front-door'].map((field) => [field, 'This needs fixing']));
    const card = referralFormCard({ ...formInput, kind: 'front-door', values: full, errors });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_FORM_CARD_BYTES);
  });

  it('shows typed text that looks like a template field as it was typed', () => {
    const card = referralFormCard({ ...formInput, kind: 'early-help', values: { concernWhat: 'mum wrote ${name} on the note' } });
    expect(text(card)).toContain('mum wrote ${name} on the note');
    expect(() => renderCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}' }] }, {})).toThrow(
      /unfilled/,
    );
  });

  it('the receipt gives the reference, the due date, and (for the front door) the reminder to phone', () => {
    const card = text(referralReceiptCard(context, summary(), false));
    expect(card).toContain('Received: FD-2026-000124');
    expect(card).toContain('Tue 24 Nov 2026, 10:02');
    expect(card).toContain('make sure you have also phoned the front door');
  });

  it('a repeated submission shows the original receipt: reference, decision due and what to do if urgent', () => {
    const first = text(referralReceiptCard(context, summary({ kind: 'early-help', reference: 'EH-2026-000123' }), false));
    const repeat = text(referralReceiptCard(context, summary({ kind: 'early-help', reference: 'EH-2026-000123' }), true));
    expect(repeat).toContain('Received: EH-2026-000123');
    expect(repeat).toContain('Tue 24 Nov 2026, 10:02');
    expect(repeat).toContain('do not wait for early help: phone the front door');
    expect(repeat).toContain('It was stored once, as EH-2026-000123');
    expect(repeat).not.toContain('nothing new was stored');
    expect(first).not.toContain('You sent this form before');
  });

  it('a referral whose personal data was deleted shows that plainly, with the outcome kept', () => {
    const card = text(
      referralDetailCard(context, {
        summary: summary({
          status: 'decided',
          outcomeLabel: 'Advice given / no further action',
          childInitials: '–',
          personalDataDeleted: true,
        }),
        delivery: { adapter: 'inbox', deliveredAt: Date.UTC(2026, 10, 23, 10, 3), receiverReference: null, error: null },
        outcome: {
          label: 'Advice given / no further action',
          forSchool: 'Keep supporting the child.',
          recordedAt: Date.UTC(2026, 10, 23, 14, 0),
          recordedBy: 'Isaiah Langer',
        },
        outcomeChoices: [],
        canRetryDelivery: false,
        viewerIsCouncil: false,
      }),
    );
    expect(card).toContain('deleted under the retention schedule');
    expect(card).toContain('Outcome: Advice given / no further action');
    expect(card).not.toContain('Record the decision');
  });

  it('a referral in full reads as words, and shows the school’s prompts to the school, not to the front door', () => {
    const detail = (viewerIsCouncil: boolean) =>
      text(
        referralDetailCard(context, {
          summary: summary(),
          form: checkedForm,
          delivery: { adapter: 'inbox', deliveredAt: null, receiverReference: null, error: null },
          outcomeChoices: [],
          canRetryDelivery: false,
          viewerIsCouncil,
        }),
      );
    const forSchool = detail(false);
    expect(forSchool).toContain('"title":"Agree","value":"Not asked"');
    expect(forSchool).toContain('"title":"Know about it","value":"No"');
    expect(forSchool).toContain('Disagree? Escalation');
    expect(detail(true)).not.toContain('Disagree? Escalation');
  });

  it('the chase prompt says how to chase and escalate, with the front door’s number', () => {
    const card = text(notificationCard(context, 'chase', summary({ status: 'decision-overdue' })));
    expect(card).toContain('No decision recorded yet: FD-2026-000124');
    expect(card).toContain('tel:01217884300');
    expect(card).toContain('escalation procedure');
    expect(card).toContain('call 999');
  });

  it('"not delivered" tells the referrer to phone now, with 999 first', () => {
    const card = text(notificationCard(context, 'delivery-failed', summary({ status: 'not-delivered' })));
    expect(card.indexOf('call 999')).toBeLessThan(card.indexOf('Not delivered: FD-2026-000124'));
    expect(card).toContain('do not wait');
  });

  it('the outcome card shows the outcome, the council’s note and what it means, and never says no referral was needed', () => {
    const card = text(
      notificationCard(context, 'outcome', summary({ status: 'decided' }), {
        label: 'Advice given / no further action',
        forSchool: 'If concerns continue or grow, refer again.',
        note: 'Mum engaging with GP.',
        recordedAt: Date.UTC(2026, 10, 23, 15, 0),
      }),
    );
    expect(card).toContain('Outcome recorded: FD-2026-000124');
    expect(card).toContain('Mum engaging with GP.');
    expect(card).toContain('consult the front door');
    expect(card.toLowerCase()).not.toMatch(/does not need|did not need|doesn.t need/);
  });
});
