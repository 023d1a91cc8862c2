import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../src/storage/auditRows';
import { cardSubmit, postActivity, USERS } from '../support/activities';
import { ENGINES } from '../support/databases';
import { CHILD_WORDS, submission } from '../support/referralForms';
import { useBotWithConnector } from '../support/runningBot';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const STAFF_MEMBER = '00000000-0000-0000-0000-0000000000030';
const DEPUTY_DSL = '00000000-0000-0000-0000-0000000000031';

describe.each(ENGINES)('referrals through the bot, on %s', (engine) => {
  // These test users press buttons far faster than a person could; the rate limit is tested elsewhere.
  const harness = useBotWithConnector({ DELIVERY_POLL_MS: '50', RATE_LIMIT_BURST: '1000' }, engine);
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  const { say, press, seen, lastSeen } = users;
  const referenceIn = (text: string) => text.match(/(?:FD|EH)-\d{4}-\d{6}/)?.[0];
  const countReferrals = async () =>
    Number((await harness.bot.database.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM referrals'))[0].n);

  beforeAll(async () => {
    await harness.bot.directory.addPerson({ name: 'Sam Staff', aadObjectId: STAFF_MEMBER, role: 'staff', school: 'sample-primary' });
    await harness.bot.directory.addPerson({ name: 'Dee Deputy', aadObjectId: DEPUTY_DSL, role: 'deputy-dsl', school: 'sample-primary' });
    // Each of them has chatted with the bot before, so it can reach them later.
    for (const user of [
      USERS.dslSamplePrimary,
      USERS.headSamplePrimary,
      USERS.frontDoor,
      USERS.earlyHelp,
      USERS.dslSampleSecondary,
      STAFF_MEMBER,
      DEPUTY_DSL,
    ])
      await say(user, 'whoami');
  });

  it('a DSL starts a front door referral: 999 comes first, then "is the child in immediate danger?"', async () => {
    await say(USERS.dslSamplePrimary, 'refer');
    expect(lastSeen(USERS.dslSamplePrimary)).toContain('Make a referral');
    await press(USERS.dslSamplePrimary, { verb: 'startReferral', kind: 'front-door' });
    expect(lastSeen(USERS.dslSamplePrimary)).toContain('First: is the child in immediate danger?');
  });

  it('"yes, in immediate danger" stops the form, shows 999 and the front door, and stores nothing', async () => {
    await press(USERS.dslSamplePrimary, { verb: 'immediateDanger', answer: 'yes' });
    const card = lastSeen(USERS.dslSamplePrimary);
    expect(card).toContain('Stop: call 999 now');
    expect(card).toContain('0121 788 4300');
    expect(card).not.toContain('Input.Text');
    expect(await countReferrals()).toBe(0);
  });

  it('a refused form comes back in place of the one sent, every value kept and each error beside its field', async () => {
    await press(
      USERS.dslSamplePrimary,
      submission('front-door', 'form-nonce-0001', { childLastName: '', referrerPhone: 'call me' }),
      'form-card-1',
    );
    const reply = harness.connector.sent.at(-1)!;
    expect(reply.replacedActivityId).toBe('form-card-1');
    const card = JSON.stringify(reply.activity.attachments![0].content);
    expect(card).toContain('Nothing has been sent yet');
    expect(card).toContain('Enter the child’s last name');
    expect(card).toContain('Enter a phone number, e.g. 0121 496 0000');
    expect(card).toContain('"value":"Jayden"');
    expect(card).toContain('"value":"call me"');
    expect(card).toContain('"nonce":"form-nonce-0001"');
    expect(await countReferrals()).toBe(0);
  });

  it('a complete form is stored and the referrer sees its reference at once', async () => {
    await press(USERS.dslSamplePrimary, submission('front-door', 'form-nonce-0001'), 'form-card-1');
    const receipt = lastSeen(USERS.dslSamplePrimary);
    expect(receipt).toMatch(/Received: FD-20\d\d-\d{6}/);
    expect(receipt).toContain('make sure you have also phoned the front door');
    expect(await countReferrals()).toBe(1);
  });

  it('a double click, a Teams retry, and five copies at once still make one referral', async () => {
    const first = referenceIn(lastSeen(USERS.dslSamplePrimary))!;
    await press(USERS.dslSamplePrimary, submission('front-door', 'form-nonce-0001'));
    expect(lastSeen(USERS.dslSamplePrimary)).toContain(`Received: ${first}`);
    expect(lastSeen(USERS.dslSamplePrimary)).toContain(`It was stored once, as ${first}`);
    await Promise.all(Array.from({ length: 5 }, () => press(USERS.dslSamplePrimary, submission('early-help', 'form-nonce-0002'))));
    expect(await countReferrals()).toBe(2);
    const references = seen(USERS.dslSamplePrimary).slice(-5).map(referenceIn);
    expect(new Set(references).size).toBe(1);
  });

  it('a Teams retry (the very same activity, posted again because the bot was slow) makes one referral', async () => {
    const activity = cardSubmit({
      serviceUrl: harness.connector.url,
      value: submission('early-help', 'retry-nonce-0001'),
      user: USERS.headSamplePrimary,
      conversationId: users.chatOf(USERS.headSamplePrimary),
    });
    const before = await countReferrals();
    await Promise.all([postActivity(harness.bot.url, activity), postActivity(harness.bot.url, activity)]);
    expect(await countReferrals()).toBe(before + 1);
    // A card without a nonce falls back to the activity id: its retries are recognised too.
    const withoutNonce = { ...activity, id: 'activity-without-nonce', value: { ...activity.value, nonce: undefined } };
    await Promise.all([postActivity(harness.bot.url, withoutNonce), postActivity(harness.bot.url, withoutNonce)]);
    expect(await countReferrals()).toBe(before + 2);
  });

  it('the same form sent again with different details is not stored twice, and nothing typed is lost', async () => {
    const before = await countReferrals();
    await press(USERS.dslSamplePrimary, submission('front-door', 'form-nonce-0001', { childFirstName: 'Kayla' }));
    const card = lastSeen(USERS.dslSamplePrimary);
    expect(card).toContain('This form was already sent as FD-');
    expect(card).toContain('"value":"Kayla"');
    expect(card).not.toContain('"nonce":"form-nonce-0001"'); // sending this one now makes a new referral
    expect(await countReferrals()).toBe(before);
  });

  it('the referral is encrypted at rest: no child’s detail appears anywhere in the database', async () => {
    const tables = ['referrals', 'outbox', 'audit_log', 'conversation_references'];
    const dump = JSON.stringify(await Promise.all(tables.map((table) => harness.bot.database.sql.all(`SELECT * FROM ${table}`))));
    for (const word of CHILD_WORDS) expect(dump).not.toContain(word);
    if (engine === 'sqlite') {
      const files = readdirSync(harness.bot.config.dataDir).filter((file) => file.startsWith('safeguarding.db'));
      const bytes = files.map((file) => readFileSync(path.join(harness.bot.config.dataDir, file)).toString('latin1')).join('');
      for (const word of CHILD_WORDS) expect(bytes).not.toContain(word);
    }
  });

  it('referrals are only made, listed and opened in a personal chat', async () => {
    await users.sayInChannel(USERS.dslSamplePrimary, 'status');
    const reply = harness.connector.sent.at(-1)!;
    expect(reply.conversationId).toBe('19:general@thread.tacv2');
    expect(reply.activity.text).toContain('only handled in your personal chat');
  });

  it('someone not in the directory, and council staff, are told why they cannot refer', async () => {
    await say(USERS.notInDirectory, 'refer');
    expect(lastSeen(USERS.notInDirectory)).toContain('need you to be in the directory');
    await say(USERS.frontDoor, 'refer');
    expect(lastSeen(USERS.frontDoor)).toContain('Referrals are made by school staff');
  });

  it('status lists the school’s referrals for its DSL and head; other staff see only their own', async () => {
    await press(STAFF_MEMBER, submission('early-help', 'staff-nonce-001'));
    const staffReference = referenceIn(lastSeen(STAFF_MEMBER))!;
    await say(USERS.headSamplePrimary, 'status');
    const list = lastSeen(USERS.headSamplePrimary);
    expect(list).toContain('Referrals: Sample Primary School (fictional)');
    expect(list.match(/\*\*(FD|EH)-/g)).toHaveLength(await countReferrals()); // every one is this school's
    expect(list).toContain('JO'); // initials only
    expect(list).not.toContain('Jayden');
    await say(STAFF_MEMBER, 'status');
    expect(lastSeen(STAFF_MEMBER).match(/\*\*(FD|EH)-/g)).toHaveLength(1);
    expect(lastSeen(STAFF_MEMBER)).toContain(staffReference);
  });

  it('a DSL of another school cannot open this school’s referral, and is told the same as for one that does not exist', async () => {
    const reference = referenceIn(seen(USERS.dslSamplePrimary).find((text) => text.includes('Received: FD-'))!)!;
    await say(USERS.dslSampleSecondary, `status ${reference}`);
    const refusal = lastSeen(USERS.dslSampleSecondary);
    expect(refusal).toContain(`I can’t show ${reference}`);
    expect(refusal).not.toContain('Jayden');
    await say(USERS.dslSampleSecondary, 'status FD-2026-999999');
    expect(lastSeen(USERS.dslSampleSecondary)).toBe(refusal.replace(reference, 'FD-2026-999999'));
  });

  it('the front door’s inbox shows front door referrals; early help’s shows early-help requests; a DSL has none', async () => {
    await say(USERS.frontDoor, 'inbox');
    const frontDoorInbox = lastSeen(USERS.frontDoor);
    expect(frontDoorInbox).toContain('Front door inbox');
    expect(frontDoorInbox).toMatch(/FD-\d{4}-\d{6}/);
    expect(frontDoorInbox).not.toMatch(/EH-\d{4}-\d{6}/);
    await say(USERS.earlyHelp, 'inbox');
    expect(lastSeen(USERS.earlyHelp)).toMatch(/EH-\d{4}-\d{6}/);
    expect(lastSeen(USERS.earlyHelp)).not.toMatch(/FD-\d{4}-\d{6}/);
    await say(USERS.dslSamplePrimary, 'inbox');
    expect(lastSeen(USERS.dslSamplePrimary)).toContain('The inbox is for the council’s front-door and early-help staff');
  });

  it('the front door opens the referral in full and records the outcome; a bad note is refused with the choice kept', async () => {
    const reference = referenceIn(lastSeen(USERS.frontDoor).match(/FD-\d{4}-\d{6}/)![0])!;
    await press(USERS.frontDoor, { verb: 'showReferral', reference });
    const detail = lastSeen(USERS.frontDoor);
    expect(detail).toContain('Jayden Okonkwo-Whitfield');
    expect(detail).toContain('Record the decision');
    await press(USERS.frontDoor, { verb: 'recordOutcome', reference, outcome: 'strategy-discussion', note: 'ok' });
    expect(lastSeen(USERS.frontDoor)).toContain('Write a short note for the school');
    expect(lastSeen(USERS.frontDoor)).toContain('"value":"strategy-discussion"');
    await press(USERS.frontDoor, {
      verb: 'recordOutcome',
      reference,
      outcome: 'strategy-discussion',
      note: 'Strategy discussion held at 2pm with police and health; a social worker will visit today.',
    });
    expect(lastSeen(USERS.frontDoor)).toContain('Outcome recorded. The referrer and the school’s DSLs are being told');
  });

  it('the referrer and the school’s DSLs get the outcome card in their own chats; nobody else does', async () => {
    const outcomeCards = (user: string) => seen(user).filter((text) => text.includes('Outcome recorded: FD-'));
    await waitFor(
      'outcome cards for the DSL and the deputy',
      () => outcomeCards(USERS.dslSamplePrimary).length > 0 && outcomeCards(DEPUTY_DSL).length > 0,
    );
    const card = outcomeCards(USERS.dslSamplePrimary)[0];
    expect(card).toContain('Strategy discussion (section 47)');
    expect(card).toContain('a social worker will visit today');
    expect(outcomeCards(USERS.headSamplePrimary)).toHaveLength(0); // the head did not make this referral
    expect(outcomeCards(USERS.dslSampleSecondary)).toHaveLength(0);
    expect(outcomeCards(STAFF_MEMBER)).toHaveLength(0);
  });

  it('an outcome is recorded once', async () => {
    const reference = referenceIn(seen(USERS.dslSamplePrimary).find((text) => text.includes('Outcome recorded: FD-'))!)!;
    await press(USERS.frontDoor, {
      verb: 'recordOutcome',
      reference,
      outcome: 'advice-nfa',
      note: 'A second decision that must not replace the first.',
    });
    expect(lastSeen(USERS.frontDoor)).toContain('An outcome was already recorded');
    await say(USERS.dslSamplePrimary, `status ${reference}`);
    expect(lastSeen(USERS.dslSamplePrimary)).toContain('Outcome: Strategy discussion (section 47)');
  });

  it('early-help staff cannot decide a front door referral', async () => {
    const reference = referenceIn(seen(USERS.dslSamplePrimary).find((text) => text.includes('Received: FD-'))!)!;
    await press(USERS.earlyHelp, {
      verb: 'recordOutcome',
      reference,
      outcome: 'advice-nfa',
      note: 'Trying to decide a referral that is not ours.',
    });
    expect(lastSeen(USERS.earlyHelp)).toContain('I can’t find that referral');
  });

  it('every view and change is in the audit log, refusals included, and the log holds no child’s details', async () => {
    const reference = referenceIn(seen(USERS.dslSamplePrimary).find((text) => text.includes('Received: FD-'))!)!;
    const trail = await auditTrail(harness.bot.database.sql, reference);
    const actions = trail.map((entry) => `${entry.action}${entry.allowed ? '' : ' (refused)'}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'referral.submitted',
        'referral.delivered',
        'referral.viewed',
        'referral.viewed (refused)',
        'outcome.recorded',
        'outcome.recorded (refused)',
        'notification.sent',
      ]),
    );
    expect(trail.find((entry) => entry.action === 'referral.viewed' && !entry.allowed)?.actor).toBe(USERS.dslSampleSecondary);
    const everything = JSON.stringify(await harness.bot.database.sql.all('SELECT * FROM audit_log'));
    for (const word of CHILD_WORDS) expect(everything).not.toContain(word);
  });
});
