/**
 * The referral form as an Adaptive Card: the fields in the order a front door asks for them, each with the
 * card's own checks (required, pattern, length) and, when the server refused a submission, the typed value
 * and the server's message beside it. Nothing typed is lost.
 */
import { randomUUID } from 'node:crypto';
import { MAX_LENGTH, type FieldErrors, type FormField, type FormValues } from '../referrals/referralForm';
import { KIND_INFO, type ReferralKind } from '../referrals/referralKinds';
import { plainText } from './plainText';
import { MAX_FORM_CARD_BYTES, renderCard, type AdaptiveCardJson } from './renderCard';
import template from './templates/referralForm.json';

type Row =
  | { type: 'heading' | 'info'; label: string }
  | {
      type: 'text';
      id: FormField;
      label: string;
      required?: boolean;
      multiline?: boolean;
      regex?: string;
      errorMessage?: string;
      placeholder?: string;
    }
  | { type: 'date'; id: FormField; label: string }
  | {
      type: 'choice';
      id: FormField;
      label: string;
      required?: boolean;
      errorMessage?: string;
      choices: Array<{ title: string; value: string }>;
    };

const YES_NO = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
];

/**
 * The rows of each form. Labels say what a front door needs, in a DSL's words. The school's name and the
 * referrer's come from the directory, so they are shown as plain text; typed values go back into the inputs
 * exactly as typed (inputs never render Markdown).
 */
function rows(kind: ReferralKind, schoolName: string, referrer: string): Row[] {
  const frontDoor = kind === 'front-door';
  return [
    { type: 'heading', label: 'The child' },
    { type: 'text', id: 'childFirstName', label: 'First name', required: true, errorMessage: 'Enter the child’s first name' },
    { type: 'text', id: 'childLastName', label: 'Last name', required: true, errorMessage: 'Enter the child’s last name' },
    { type: 'date', id: 'childDateOfBirth', label: 'Date of birth' },
    {
      type: 'text',
      id: 'childAge',
      label: 'Age in years (only if you do not know the date of birth)',
      regex: '^\\d{1,2}$',
      errorMessage: 'Enter the age as a number, 0 to 18',
    },
    {
      type: 'text',
      id: 'childAddress',
      label: 'Home address with postcode (or “not known”)',
      required: true,
      multiline: true,
      errorMessage: 'Enter where the child lives',
    },
    {
      type: 'text',
      id: 'childUpn',
      label: 'Unique pupil number (UPN), if you have it',
      regex: '^[A-Za-z]\\d{11}[0-9A-Za-z]$',
      errorMessage: 'A UPN is a letter followed by 12 characters',
    },
    { type: 'info', label: `School: ${plainText(schoolName)}` },
    { type: 'heading', label: 'Household and other important people' },
    {
      type: 'text',
      id: 'household',
      label: 'Who lives with the child, and other important adults or children: names, relationship, dates of birth if known',
      required: true,
      multiline: true,
      errorMessage: 'Say who lives with the child (or “not known”)',
    },
    { type: 'heading', label: frontDoor ? 'The concern' : 'The family’s needs' },
    {
      type: 'text',
      id: 'concernWhat',
      label: frontDoor
        ? 'What are you worried about? Facts first: what you saw, or were told, and by whom'
        : 'What are the child’s and family’s needs, and their strengths?',
      required: true,
      multiline: true,
      errorMessage: 'Describe the concern',
    },
    { type: 'text', id: 'concernWhen', label: 'When did it happen, or when did you notice?', required: true, errorMessage: 'Say when' },
    { type: 'text', id: 'concernWhere', label: 'Where?', required: true, errorMessage: 'Say where' },
    { type: 'text', id: 'childsWords', label: 'The child’s own words, if they said anything (quote them exactly)', multiline: true },
    {
      type: 'text',
      id: 'triedSoFar',
      label: frontDoor ? 'What has been tried so far, if anything?' : 'What has the school already tried?',
      required: !frontDoor,
      multiline: true,
      errorMessage: 'Say what the school has tried',
    },
    ...(frontDoor
      ? []
      : [
          {
            type: 'text',
            id: 'helpWanted',
            label: 'What help are you asking for, and what should change for the child?',
            required: true,
            multiline: true,
            errorMessage: 'Say what help you are asking for',
          } as Row,
        ]),
    { type: 'heading', label: 'Other professionals' },
    {
      type: 'text',
      id: 'professionals',
      label: 'Others involved (GP, health visitor, school nurse, police, a social worker): name, role and contact',
      multiline: true,
    },
    { type: 'heading', label: 'Parents and carers' },
    ...(frontDoor ? frontDoorParentRows() : earlyHelpParentRows()),
    { type: 'heading', label: 'You' },
    { type: 'info', label: plainText(referrer) },
    {
      type: 'text',
      id: 'referrerPhone',
      label: 'A phone number the council can call you on today',
      required: true,
      regex: '^\\+?[0-9][0-9 ()-]{8,18}$',
      errorMessage: 'Enter a phone number, e.g. 0121 496 0000',
    },
    { type: 'text', id: 'referrerEmail', label: 'Work email', errorMessage: 'Enter a work email address' },
  ];
}

function frontDoorParentRows(): Row[] {
  return [
    {
      type: 'info',
      label:
        'You do not need the parents’ consent to refer a child you think is at risk of significant harm. Normally tell them, unless telling them could put the child or others at risk.',
    },
    {
      type: 'choice',
      id: 'parentsKnow',
      label: 'Do the parents or carers know you are making this referral?',
      required: true,
      errorMessage: 'Choose yes or no',
      choices: YES_NO,
    },
    { type: 'text', id: 'parentsNotToldReason', label: 'If not, why not? Who decided, and when?', multiline: true },
    {
      type: 'choice',
      id: 'parentsAgree',
      label: 'Do they agree to it?',
      required: true,
      errorMessage: 'Choose one',
      choices: [...YES_NO, { title: 'Not asked', value: 'not-asked' }],
    },
  ];
}

function earlyHelpParentRows(): Row[] {
  return [
    {
      type: 'info',
      label:
        'Early help is voluntary: the family must agree to this request. If they do not, and you are worried about the child, consult the front door.',
    },
    {
      type: 'choice',
      id: 'parentsAgree',
      label: 'Has the family agreed to this request for early help?',
      required: true,
      errorMessage: 'Choose yes or no',
      choices: YES_NO,
    },
  ];
}

export interface ReferralFormInput {
  kind: ReferralKind;
  schoolName: string;
  /** "Alex Wilber, Designated safeguarding lead" */
  referrer: string;
  /** Shown again after a refused submission. */
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
  /** Keeps the same form's resubmissions recognisable; a new form gets a new one. */
  nonce?: string;
  /** Today in the council's calendar (YYYY-MM-DD): no date of birth after it. */
  today: string;
  frontDoorPhone: string;
}

export function referralFormCard(input: ReferralFormInput): AdaptiveCardJson {
  const { kind } = input;
  const frontDoor = kind === 'front-door';
  return renderCard(
    template,
    {
      title: KIND_INFO[kind].name,
      notice: input.notice ?? '',
      intro: frontDoor
        ? [
            'You answered that the child is **not** in immediate danger. If that changes, call 999 now.',
            `If you think the child is at risk of significant harm, phone the front door as well (${input.frontDoorPhone}): this form is the written referral that follows the call.`,
          ]
        : [
            'For needs that early help can meet, with the family’s agreement. If you think a child may be at risk of significant harm, make a front door referral instead.',
          ],
      fields: rows(kind, input.schoolName, input.referrer).map((row) => fieldView(row, input)),
      privacy: 'Only you, your school’s safeguarding leads and the council team who decide can see this referral. It is stored encrypted.',
      submitTitle: frontDoor ? 'Send to the front door' : 'Send to early help',
      submitData: { verb: 'submitReferral', kind, nonce: input.nonce ?? randomUUID() },
    },
    { maxBytes: MAX_FORM_CARD_BYTES },
  );
}

/** Every property the template reads, so no row leaves a field unfilled. */
function fieldView(row: Row, input: ReferralFormInput) {
  const id = 'id' in row ? row.id : undefined;
  return {
    type: row.type,
    label: row.label,
    id: id ?? '',
    required: 'required' in row ? (row.required ?? false) : false,
    multiline: 'multiline' in row ? (row.multiline ?? false) : false,
    regex: 'regex' in row ? (row.regex ?? '') : '',
    errorMessage: 'errorMessage' in row ? (row.errorMessage ?? '') : '',
    placeholder: 'placeholder' in row ? (row.placeholder ?? '') : '',
    max: id ? MAX_LENGTH[id] : 0,
    maxDate: input.today,
    choices: 'choices' in row ? row.choices : [],
    value: id ? (input.values?.[id] ?? '') : '',
    error: id ? (input.errors?.[id] ?? '') : '',
  };
}
