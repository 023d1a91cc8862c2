/**
 * Cards that stay current (Universal Actions), through the real bot over HTTP with real `adaptiveCard/action`
 * refresh invokes: a receipt opened again shows the outcome once it is recorded; the status card shows
 * "Record outcome" only to someone allowed to record one; a person who may not see the referral gets a
 * neutral card, audited like `status REF`; the status list, the inbox and a delivery report refresh too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../src/storage/auditRows';
import { postActivity, USERS } from '../support/activities';
import { submission } from '../support/referralForms';
import { useBotWithConnector } from '../support/runningBot';
import { refreshInvoke } from '../support/teamsInvokes';
import { teamsUsers } from '../support/teamsUsers';
import { waitFor } from '../support/waitFor';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

describe('cards that stay current', () => {
  const harness = useBotWithConnector({ DELIVERY_POLL_MS: '50', RATE_LIMIT_BURST: '1000' });
  const users = teamsUsers(
    () => harness.bot.url,
    () => harness.connector,
  );
  let reference = '';

  /** Teams asking for the card as it is now, for `user`; the invoke response's card, as JSON text. */
  const refresh = async (
    user: string,
    verb: string,
    data: object,
    trigger: 'automatic' | 'manual' = 'automatic',
    conversationType = 'personal',
  ) => {
    const response = await postActivity(
      harness.bot.url,
      refreshInvoke({ serviceUrl: harness.connector.url, verb, data, user, conversationId: users.chatOf(user), trigger, conversationType }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(CARD_RESPONSE);
    return JSON.stringify(body.value);
  };

  beforeAll(async () => {
    for (const user of [USERS.dslSamplePrimary, USERS.frontDoor, USERS.dslSampleSecondary]) await users.say(user, 'whoami');
    await users.press(USERS.dslSamplePrimary, submission('front-door', 'refresh-nonce-0001'), 'form-card-1');
    const receipt = users.lastSeen(USERS.dslSamplePrimary);
    reference = receipt.match(/FD-\d{4}-\d{6}/)![0];
  });

  it('the receipt carries a refresh action with its reference, so Teams asks for it again when it is shown', () => {
    const receipt = JSON.parse(users.lastSeen(USERS.dslSamplePrimary));
    expect(receipt.refresh.action).toEqual({
      type: 'Action.Execute',
      title: 'Refresh',
      verb: 'refreshReferral',
      data: { reference, view: 'receipt' },
    });
  });

  it('a receipt opened again shows where the referral is up to, then the outcome once it is recorded', async () => {
    await waitFor('the referral to reach the front door', async () =>
      (await refresh(USERS.frontDoor, 'refreshReferral', { reference, view: 'detail' })).includes('Record the decision'),
    );
    const before = await refresh(USERS.dslSamplePrimary, 'refreshReferral', { reference, view: 'receipt' });
    expect(before).toContain(`Front door (MASH) referral ${reference}`);
    expect(before).toContain('With the Integrated Front Door (MASH); decision expected by');
    expect(before).not.toContain('Outcome:');

    await users.press(USERS.frontDoor, {
      verb: 'recordOutcome',
      reference,
      outcome: 'strategy-discussion',
      note: 'Strategy discussion held at 2pm; a social worker will visit today.',
    });
    for (const trigger of ['automatic', 'manual'] as const) {
      const after = await refresh(USERS.dslSamplePrimary, 'refreshReferral', { reference, view: 'receipt' }, trigger);
      expect(after).toContain('Outcome: Strategy discussion (section 47)');
      expect(after).toContain('a social worker will visit today');
      // The refreshed card refreshes again next time, and still shows only the child's initials.
      expect(JSON.parse(after).refresh.action.verb).toBe('refreshReferral');
      expect(after).not.toContain('Jayden');
    }
  });

  it('the status card shows "Record outcome" only to someone allowed to record one, rendered per person', async () => {
    const second = await (async () => {
      await users.press(USERS.dslSamplePrimary, submission('front-door', 'refresh-nonce-0002'), 'form-card-2');
      return users.lastSeen(USERS.dslSamplePrimary).match(/FD-\d{4}-\d{6}/)![0];
    })();
    const forFrontDoor = await waitFor('delivery', async () => {
      const card = await refresh(USERS.frontDoor, 'refreshReferral', { reference: second, view: 'detail' });
      return card.includes('Record outcome') ? card : undefined;
    });
    expect(forFrontDoor).toContain('"verb":"recordOutcome"');
    const forReferrer = await refresh(USERS.dslSamplePrimary, 'refreshReferral', { reference: second, view: 'detail' });
    expect(forReferrer).toContain(second);
    expect(forReferrer).not.toContain('Record outcome');
    expect(forReferrer).not.toContain('recordOutcome');
  });

  it('someone who may not see the referral gets a neutral card, the same as for a reference that does not exist, and both are audited', async () => {
    const otherSchool = await refresh(USERS.dslSampleSecondary, 'refreshReferral', { reference, view: 'receipt' });
    const unknown = await refresh(USERS.dslSampleSecondary, 'refreshReferral', { reference: 'FD-2026-999999', view: 'receipt' });
    const notInDirectory = await refresh(USERS.notInDirectory, 'refreshReferral', { reference, view: 'detail' });
    expect(otherSchool).toContain('Referral not available');
    expect(otherSchool).not.toContain(reference);
    expect(unknown).toBe(otherSchool);
    expect(notInDirectory).toBe(otherSchool);
    const refused = (await auditTrail(harness.bot.database.sql, reference)).filter(
      (entry) => entry.action === 'referral.viewed' && !entry.allowed,
    );
    expect(refused.map((entry) => entry.actor)).toEqual(expect.arrayContaining([USERS.dslSampleSecondary]));
  });

  it('a refresh from a group chat or channel shows nothing of the referral, even to its referrer', async () => {
    const card = await refresh(USERS.dslSamplePrimary, 'refreshReferral', { reference, view: 'receipt' }, 'automatic', 'groupChat');
    expect(card).toContain('Referral not available');
  });

  it('the status list and the inbox refresh for the person looking; others get the sentence the command would give', async () => {
    await users.say(USERS.dslSamplePrimary, 'status');
    const list = JSON.parse(users.lastSeen(USERS.dslSamplePrimary));
    expect(list.refresh.action).toEqual({ type: 'Action.Execute', title: 'Refresh', verb: 'refreshReferralList', data: {} });
    const schoolList = await refresh(USERS.dslSamplePrimary, 'refreshReferralList', {});
    expect(schoolList).toContain('Referrals: Sample Primary School');
    expect(schoolList).toContain(reference);
    expect(schoolList).toContain('Outcome: Strategy discussion (section 47)');
    expect(await refresh(USERS.dslSampleSecondary, 'refreshReferralList', {})).not.toContain(reference);
    expect(await refresh(USERS.frontDoor, 'refreshReferralList', {})).toContain('Council staff work from **inbox**');

    await users.say(USERS.frontDoor, 'inbox');
    expect(JSON.parse(users.lastSeen(USERS.frontDoor)).refresh.action.verb).toBe('refreshInbox');
    expect(await refresh(USERS.frontDoor, 'refreshInbox', {})).toContain('Front door inbox');
    const forSchool = await refresh(USERS.dslSamplePrimary, 'refreshInbox', {});
    expect(forSchool).toContain('The inbox is for the council’s front-door and early-help staff');
    expect(forSchool).not.toContain('FD-');
  });

  it('an update’s delivery report refreshes itself for its author; others get a neutral card', async () => {
    const draft = {
      title: 'Parenting course: spring places',
      message: 'Ten weekly sessions for parents, starting 12 January. Schools can pass this on.',
      category: 'course',
      audience: 'all',
      schools: '',
      link: 'https://example.org/course',
      expiresOn: '2026-12-31',
    };
    await users.say(USERS.earlyHelp, 'whoami');
    await users.press(USERS.earlyHelp, { verb: 'previewUpdate', nonce: 'refresh-update-0001', ...draft });
    await users.press(USERS.earlyHelp, { verb: 'sendUpdate', nonce: 'refresh-update-0001', ...draft });
    const report = JSON.parse(users.lastSeen(USERS.earlyHelp));
    expect(report.refresh.action.verb).toBe('refreshUpdateReport');
    const { updateId } = report.refresh.action.data;
    expect(typeof updateId).toBe('number');
    const refreshed = await refresh(USERS.earlyHelp, 'refreshUpdateReport', { updateId });
    expect(refreshed).toContain('Delivery report: Parenting course: spring places');
    expect(JSON.parse(refreshed).refresh.action.data).toEqual({ updateId });
    expect(await refresh(USERS.dslSamplePrimary, 'refreshUpdateReport', { updateId })).toContain('Report not available');
  });

  it.each([[{ reference: 42 }], [{}], [{ reference: { $ne: 1 } }], [{ updateId: 'x' }]])(
    'a refresh with junk data (%j) gets a neutral card, never an error',
    async (data) => {
      expect(await refresh(USERS.dslSamplePrimary, 'refreshReferral', data)).toContain('not available');
      expect(await refresh(USERS.earlyHelp, 'refreshUpdateReport', data)).toContain('Report not available');
    },
  );
});
