import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlaygrounds, type PlaygroundChat } from '../support/browser';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * `npm start -- --as early-help,dsl`: Adele Vance (early help) posts an update from her personal chat; Alex
 * Wilber (DSL, Sample Primary) has linked his team's General channel, and the update arrives there.
 */
describe('an early-help update reaching a school’s channel, in the Playground', () => {
  let playgrounds: Awaited<ReturnType<typeof openPlaygrounds>>;
  let earlyHelp: PlaygroundChat;
  let dsl: PlaygroundChat;

  beforeAll(async () => {
    playgrounds = await openPlaygrounds(['early-help', 'dsl']);
    [earlyHelp, dsl] = playgrounds.chats;
  });

  afterAll(() => playgrounds?.close());

  it('the DSL links the team’s General channel to the school with one press', async () => {
    await dsl.openChannel('General');
    await dsl.postMentioningBot('Safeguarding assistant', 'link');
    const card = dsl.cardContaining('Link this channel').last();
    await card.waitFor();
    expect(await card.innerText()).toContain('The directory says this team belongs to Sample Primary School (fictional).');
    await card.getByRole('button', { name: 'Link this channel' }).click();
    await dsl.page.getByText('Linked to Sample Primary School (fictional). Early-help updates will arrive here.').first().waitFor();
  });

  it('early-help staff write an update, preview it and send it; the delivery report says it arrived', async () => {
    await earlyHelp.openPersonalChat();
    const form = earlyHelp.cardContaining('Post an early-help update').last();
    await earlyHelp.newCardAfter('Post an early-help update', () => earlyHelp.send('post update'));
    await earlyHelp.fill(form, /^Title/, 'Solihull Approach parenting course: spring places');
    await earlyHelp.fill(
      form,
      /^Message/,
      'Ten weekly sessions for parents of children aged 0 to 18, starting 12 January at Elmwood Family Hub. Please pass this on to families who might benefit.',
    );
    await earlyHelp.choose(form, /^What is it/, 'New course');
    await earlyHelp.choose(form, /^Who is it for/, 'Primary schools');
    await earlyHelp.fill(form, /^Link for more information/, 'https://example.org/solihull-approach');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = earlyHelp.cardContaining('Preview: this is what schools will see').last();
    await preview.waitFor();
    expect(await preview.innerText()).toContain('1 channel at 1 school');
    await earlyHelp.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-update-preview.png') });
    await preview.getByRole('button', { name: 'Send to 1 channel' }).click();
    await earlyHelp.cardContaining('Finished.').first().waitFor({ timeout: 15_000 });
    const report = await earlyHelp.cardContaining('Finished.').first().innerText();
    expect(report).toMatch(/Sent\s+1/);
  });

  it('the update appears in the school’s channel', async () => {
    const post = dsl.cardContaining('Solihull Approach parenting course: spring places');
    await post.first().waitFor({ timeout: 15_000 });
    const text = await post.first().innerText();
    expect(text).toContain('Early help · New course');
    expect(text).toContain('Find out more');
    await post.first().scrollIntoViewIfNeeded();
    await dsl.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-update-in-channel.png') });
  });

  it('the school mutes reminders, and the next reminder would not reach it', async () => {
    await dsl.postMentioningBot('Safeguarding assistant', 'subscriptions');
    const card = dsl.cardContaining('What this channel receives').last();
    await card.waitFor();
    await card.getByRole('checkbox', { name: 'Reminder' }).uncheck();
    await card.getByRole('button', { name: 'Save' }).click();
    await dsl.page.getByText('Saved.').first().waitFor();

    const form = earlyHelp.cardContaining('Post an early-help update').last();
    await earlyHelp.newCardAfter('Post an early-help update', () => earlyHelp.send('post update'));
    await earlyHelp.fill(form, /^Title/, 'Reminder: DSL network meeting on Thursday');
    await earlyHelp.fill(form, /^Message/, 'The termly DSL network meets on Thursday at 3.30pm at the Council House.');
    await earlyHelp.choose(form, /^What is it/, 'Reminder');
    await earlyHelp.choose(form, /^Who is it for/, 'All schools');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = earlyHelp.cardContaining('Preview: this is what schools will see').last();
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('1 channel has muted reminder');
    expect(text).toContain('No linked channel would receive this update');
  });
});
