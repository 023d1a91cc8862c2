import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlaygrounds, type PlaygroundChat } from '../support/browser';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * `npm start -- --as dsl,front-door`: one bot, two Playgrounds. Alex Wilber (DSL, Sample Primary) refers in
 * one; Isaiah Langer (front door) decides in the other; the outcome card reaches Alex's chat.
 */
describe('referring a child and hearing the outcome, in the Playground', () => {
  let playgrounds: Awaited<ReturnType<typeof openPlaygrounds>>;
  let dsl: PlaygroundChat;
  let frontDoor: PlaygroundChat;
  let frontDoorReference = '';

  beforeAll(async () => {
    playgrounds = await openPlaygrounds(['dsl', 'front-door'], { personalChat: true });
    [dsl, frontDoor] = playgrounds.chats;
  });

  afterAll(() => playgrounds?.close());

  it('the DSL makes a front door referral: immediate danger first, the card checks the form, then the reference', async () => {
    await dsl.newCardAfter('Make a referral', () => dsl.send('refer'));
    await dsl.page.getByRole('button', { name: 'Front door (MASH) referral' }).last().click();
    await dsl.cardContaining('First: is the child in immediate danger?').last().waitFor();
    await dsl.page.getByRole('button', { name: 'No, continue to the form' }).last().click();
    const form = dsl.cardContaining('Send to the front door').last();
    await form.waitFor();

    await form.getByRole('button', { name: 'Send to the front door' }).click();
    await form.getByText('Enter the child’s first name').waitFor(); // the card's own check: nothing sent

    await dsl.fill(form, /^First name/, 'Jayden');
    await dsl.fill(form, /^Last name/, 'Okonkwo');
    await dsl.fill(form, /^Age in years/, '9');
    await dsl.fill(form, /^Home address/, '12 Larchwood Crescent, Shirley, B90 4QT');
    await dsl.fill(form, /^Who lives with the child/, 'Mum and stepdad; sister aged 3');
    await dsl.fill(form, /^What are you worried about/, 'Round burn marks on his forearm; he said his stepdad did it with a cigarette.');
    await dsl.fill(form, /^When did it happen/, 'This morning, 9.10am');
    await dsl.fill(form, /^Where\?/, 'Year 5 classroom');
    await dsl.fill(form, /^The child’s own words/, 'He did it when I spilled my drink');
    await dsl.choose(form, /^Do the parents or carers know/, 'No');
    await dsl.fill(form, /^If not, why not/, 'DSL decided at 9.30am: telling the stepdad could put Jayden at risk.');
    await dsl.choose(form, /^Do they agree/, 'Not asked');
    await dsl.fill(form, /^A phone number the council can call you on/, '0121 496 0000');
    await dsl.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-referral-form.png') });

    const receipt = await dsl.newCardAfter('Received: FD-', () => form.getByRole('button', { name: 'Send to the front door' }).click());
    frontDoorReference = receipt.match(/FD-\d{4}-\d{6}/)![0];
    expect(receipt).toContain('Decision expected by');
    expect(receipt).toContain('make sure you have also phoned the front door');
  });

  it('the DSL makes an early-help request too', async () => {
    await dsl.newCardAfter('Make a referral', () => dsl.send('refer'));
    await dsl.page.getByRole('button', { name: 'Early-help request' }).last().click();
    const form = dsl.cardContaining('Send to early help').last();
    await form.waitFor();
    await dsl.fill(form, /^First name/, 'Amira');
    await dsl.fill(form, /^Last name/, 'Haddad');
    await dsl.fill(form, /^Age in years/, '7');
    await dsl.fill(form, /^Home address/, '4 Elmdon Road, Solihull');
    await dsl.fill(form, /^Who lives with the child/, 'Mum and two brothers');
    await dsl.fill(
      form,
      /^What are the child’s and family’s needs/,
      'Mum is struggling with the boys’ behaviour at home since a bereavement; Amira is often late and tired.',
    );
    await dsl.fill(form, /^When did it happen/, 'Since September');
    await dsl.fill(form, /^Where\?/, 'At home and school');
    await dsl.fill(form, /^What has the school already tried/, 'Daily check-ins, a place at breakfast club, and two meetings with mum.');
    await dsl.fill(form, /^What help are you asking for/, 'A family support worker and a parenting course for mum.');
    await dsl.choose(form, /^Has the family agreed/, 'Yes');
    await dsl.fill(form, /^A phone number the council can call you on/, '0121 496 0000');
    const receipt = await dsl.newCardAfter('Received: EH-', () => form.getByRole('button', { name: 'Send to early help' }).click());
    expect(receipt).toContain('the council’s early-help team');
  });

  it('the DSL checks status: both referrals, by initials, with where each is up to', async () => {
    const list = await dsl.newCardAfter('Referrals: Sample Primary School (fictional)', () => dsl.send('status'));
    expect(list).toContain(frontDoorReference);
    expect(list).toMatch(/EH-\d{4}-\d{6}/);
    expect(list).toContain('JO');
    expect(list).toContain('AH');
    expect(list).not.toContain('Jayden');
    expect(list).toContain('With the Integrated Front Door (MASH)');
  });

  it('front-door staff open the referral from their inbox and record the outcome', async () => {
    const inbox = await frontDoor.newCardAfter('Front door inbox', () => frontDoor.send('inbox'));
    expect(inbox).toContain(frontDoorReference);
    expect(inbox).not.toMatch(/EH-\d{4}-\d{6}/);
    await frontDoor.cardContaining('Front door inbox').last().getByRole('button', { name: 'Open' }).first().click();
    const detail = frontDoor.cardContaining('Record the decision').last();
    await detail.waitFor();
    expect(await detail.innerText()).toContain('Jayden Okonkwo');
    await frontDoor.choose(detail, /^Outcome/, 'Strategy discussion (section 47)');
    await frontDoor.fill(
      detail,
      /^Note for the school/,
      'Strategy discussion held at 2pm with police and health. A social worker will visit today; please share attendance records when asked.',
    );
    await detail.getByRole('button', { name: 'Record outcome' }).click();
    await frontDoor.page.getByText('Outcome recorded. The referrer and the school’s DSLs are being told in Teams.').first().waitFor();
  });

  it('the DSL receives the outcome card, unasked, in their own chat', async () => {
    const card = dsl.cardContaining(`Outcome recorded: ${frontDoorReference}`);
    await card.first().waitFor({ timeout: 15_000 });
    const text = await card.first().innerText();
    expect(text).toContain('Strategy discussion (section 47)');
    expect(text).toContain('A social worker will visit today');
    await card.first().scrollIntoViewIfNeeded();
    await dsl.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-outcome.png') });
  });

  it('in a team channel, referrals are refused: they belong in a personal chat', async () => {
    await dsl.openChannel('General');
    await dsl.postMentioningBot('Safeguarding assistant', 'status');
    await dsl.page.getByText('only handled in your personal chat with me').first().waitFor();
    expect(await dsl.cardContaining(frontDoorReference).count()).toBe(0);
  });
});
