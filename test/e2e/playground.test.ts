import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlaygrounds, type PlaygroundChat } from '../support/browser';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

describe('the bot in the Agents Playground, driven in Chromium', () => {
  let playgrounds: Awaited<ReturnType<typeof openPlaygrounds>>;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    playgrounds = await openPlaygrounds(['dsl'], { afterWelcome: false });
    chat = playgrounds.chats[0];
  });

  afterAll(() => playgrounds?.close());

  it('greets a new user with the welcome card, emergency numbers included', async () => {
    const welcome = chat.cardContaining('What I do not do');
    await welcome.first().waitFor();
    await expect(welcome.first().innerText()).resolves.toContain('If a child is in immediate danger, call 999.');
  });

  it('answers "help" in personal chat with the help card', async () => {
    await chat.openPersonalChat();
    const text = await chat.newCardAfter('How to use the safeguarding assistant', () => chat.send('help'));
    expect(text).toContain('Show what I can do and the commands I understand');
    expect(text).toContain('0121 788 4300');
    await chat.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-help.png') });
  });

  it('answers a DSL’s question, typed as they would say it, with the right card', async () => {
    await chat.openPersonalChat();
    const text = await chat.newCardAfter('Do I need consent before I refer?', () => chat.send('do i need mums permission to ring mash??'));
    expect(text).toContain('Level 4 · Specialist / statutory');
    expect(text).toContain('Working Together to Safeguard Children 2023');
    await chat.page.screenshot({ path: path.join(SCREENSHOTS, 'playground-answer.png') });

    const drugs = await chat.newCardAfter('Criminal exploitation and county lines', () =>
      chat.send('y9 might be running drugs, who do i tell'),
    );
    expect(drugs).toContain('Make a referral');
  });

  it('puts the urgent banner first for a child in danger', async () => {
    const text = await chat.newCardAfter('If a child is in immediate danger, call 999.', () =>
      chat.send('a child told me she is scared to go home tonight because her dad is hitting her'),
    );
    expect(text.indexOf('call 999')).toBeLessThan(text.indexOf('Domestic abuse'));
    expect(text).toContain('0121 605 6060');
  });

  it('opens a related answer and records "Did this help?"', async () => {
    await chat.newCardAfter('Family Hubs in Solihull', () => chat.send('what are family hubs'));
    await chat.page.getByRole('button', { name: 'Yes' }).last().click();
    await chat.page.getByText('Thanks, noted.').first().waitFor();
  });

  it('answers "help" in the team channel when the bot is mentioned', async () => {
    await chat.openChannel('General');
    const text = await chat.newCardAfter('How to use the safeguarding assistant', () =>
      chat.postMentioningBot('Safeguarding assistant', 'help'),
    );
    expect(text).toContain('In a channel, mention me first');
  });
});
