/**
 * The rendered JSON of every card template, recorded before the renderer was made faster (templates
 * compiled once, compiledTemplate.ts). A faster renderer must give exactly these cards: if a snapshot
 * changes, the change to rendering is wrong, not the snapshot. The cases are in cardSnapshots.cases.ts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cards } from './cardSnapshots.cases';

describe('every card renders exactly as recorded', () => {
  for (const [name, render] of Object.entries(cards)) {
    it(name, () => {
      expect(render()).toMatchSnapshot();
    });
  }

  it('covers every template in src/cards/templates', () => {
    const templates = readdirSync(path.join(__dirname, '../../src/cards/templates')).map((file) => file.replace('.json', ''));
    const rendered = new Set<string>();
    const names: Record<string, string[]> = {
      answer: ['answer:'],
      cardUnavailable: ['card unavailable'],
      channelLink: ['channel link'],
      channelSubscriptions: ['channel subscriptions'],
      chaseNotice: ['notice: chase'],
      directoryAdmin: ['directory admin'],
      emergencyBanner: ['welcome', 'help'],
      feedbackReport: ['feedback report'],
      guidance: ['guidance'],
      help: ['help'],
      immediateDangerCheck: ['immediate danger check'],
      immediateDangerStop: ['immediate danger stop'],
      inbox: ['inbox'],
      noMatch: ['no match'],
      notDeliveredNotice: ['notice: not delivered'],
      outcomeNotice: ['notice: outcome'],
      referralChooser: ['referral chooser'],
      referralDetail: ['referral detail'],
      referralForm: ['referral form'],
      referralList: ['referral list'],
      referralReceipt: ['referral receipt'],
      schoolPeople: ['school people'],
      thresholdHelper: ['threshold helper'],
      thresholdResult: ['threshold result'],
      updateForm: ['update form'],
      updatePost: ['update post'],
      updatePreview: ['update preview'],
      updateReport: ['update report'],
      urgencyBanner: ['answer: unverified, urgent today', 'answer: threshold answer, emergency'],
      welcome: ['welcome'],
      whoami: ['whoami'],
    };
    for (const template of templates)
      if ((names[template] ?? []).some((prefix) => Object.keys(cards).some((name) => name.startsWith(prefix)))) rendered.add(template);
    expect(templates.filter((template) => !rendered.has(template))).toEqual([]);
  });
});
