import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlaygrounds } from '../support/browser';

/** The Playground started as another of the sample directory's people (npm start -- --as <role>). */
async function openPlaygroundAs(asRole: string) {
  const playgrounds = await openPlaygrounds([asRole], { afterWelcome: false });
  return { ...playgrounds, chat: playgrounds.chats[0] };
}

describe('each role in the Playground', () => {
  let running: Awaited<ReturnType<typeof openPlaygroundAs>> | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('someone not in the directory can ask, and is told how to get access', async () => {
    running = await openPlaygroundAs('unknown');
    const { chat } = running;
    await chat.cardContaining('What I do not do').first().waitFor();
    await chat.newCardAfter('Allegations against staff', () => chat.send('who is the lado'));
    const access = await chat.newCardAfter('Your access', () => chat.send('whoami'));
    expect(access).toContain('Ask your council');
    expect(access).toContain('00000000-0000-0000-0000-0000000000029');
  });

  it('a DSL of another school is refused that school’s list', async () => {
    running = await openPlaygroundAs('other-school-dsl');
    const { chat } = running;
    await chat.cardContaining('What I do not do').first().waitFor();
    await chat.send('school sample-primary');
    await chat.page.getByText('I can’t show that school.').first().waitFor();
    const own = await chat.newCardAfter('Sample Secondary Academy (fictional)', () => chat.send('school'));
    expect(own).toContain('Lynne Robbins');
  });

  it('someone from another organisation’s tenant gets one plain refusal and no answers', async () => {
    running = await openPlaygroundAs('other-tenant');
    const { chat } = running;
    await chat.send('what is a lado');
    await chat.page.getByText('only available to the council’s own Microsoft 365 organisation').first().waitFor();
    expect(await chat.cardContaining('Allegations against staff').count()).toBe(0);
    expect(await chat.cardContaining('What I do not do').count()).toBe(0);
  });

  it('an admin manages the directory from a card', async () => {
    running = await openPlaygroundAs('admin');
    const { chat } = running;
    await chat.cardContaining('What I do not do').first().waitFor();
    const card = await chat.newCardAfter('Add a person', () => chat.send('directory'));
    expect(card).toContain('Sample Primary School (fictional)');
    await chat.page.getByRole('textbox', { name: /^Name/ }).last().fill('Sam Example');
    await chat.page.getByLabel('Microsoft Entra object id').last().fill('12345678-aaaa-bbbb-cccc-1234567890ab');
    await chat.page.getByRole('radio', { name: 'School staff' }).last().check();
    await chat.page.getByRole('radio', { name: 'Sample Primary School (fictional)' }).last().check();
    const after = await chat.newCardAfter('Added Sam Example.', () => chat.page.getByRole('button', { name: 'Add person' }).last().click());
    expect(after).toContain('Sam Example');
    await chat.page.getByText('Added Sam Example.').last().scrollIntoViewIfNeeded();
    await chat.page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'screenshots', 'playground-directory.png') });
  });
});
