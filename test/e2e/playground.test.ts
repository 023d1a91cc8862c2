import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../src/cli/localStack';
import { freePort, launchChromium, PlaygroundChat } from '../support/browser';

const SCREENSHOT = path.join(__dirname, '..', '..', 'docs', 'screenshots', 'playground-help.png');

describe('the bot in the Agents Playground, driven in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    stack = await startLocalStack({
      botPort: await freePort(),
      playgroundPort: await freePort(),
      botEnv: { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-data-')), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(stack.playgroundUrl);
    chat = new PlaygroundChat(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

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
    await chat.page.screenshot({ path: SCREENSHOT });
  });

  it('answers "help" in the team channel when the bot is mentioned', async () => {
    await chat.openChannel('General');
    const text = await chat.newCardAfter('How to use the safeguarding assistant', () =>
      chat.postMentioningBot('Safeguarding assistant', 'help'),
    );
    expect(text).toContain('In a channel, mention me first');
  });
});
