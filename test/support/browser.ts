import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../src/cli/localStack';

/** Debian's Chromium; `npx playwright install` cannot download browsers on our machines. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `count` free ports in a row, for a stack that opens one Playground per role on consecutive ports. */
export async function consecutiveFreePorts(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => isFree(first + i + 1)));
    if (rest.every(Boolean)) return first;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * What `npm start -- --as <roles>` gives a person, for a test: the bot, one Playground per role (the bot's data in a temporary folder), and a browser page on each. With
 * `afterWelcome`, each page has shown the bot's welcome card; with `personalChat`, it is in the personal chat.
 */
export async function openPlaygrounds(roles: string[], options: { afterWelcome?: boolean; personalChat?: boolean } = {}) {
  const stack: LocalStack = await startLocalStack({
    botPort: await freePort(),
    playgroundPort: await consecutiveFreePorts(roles.length),
    asRoles: roles,
    botEnv: { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-')), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const browser = await launchChromium();
  const chats: PlaygroundChat[] = [];
  for (const playground of stack.playgrounds) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(playground.url);
    const chat = new PlaygroundChat(page);
    if (options.afterWelcome ?? true) await chat.cardContaining('What I do not do').first().waitFor();
    if (options.personalChat) await chat.openPersonalChat();
    chats.push(chat);
  }
  return {
    stack,
    chats,
    close: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}

/** Drives the Playground's chat the way a person does: click the compose box, type, press Enter. */
export class PlaygroundChat {
  constructor(readonly page: Page) {}

  cardContaining(text: string) {
    return this.page.locator('.ac-adaptiveCard', { hasText: text });
  }

  /** Runs an action and waits until one more card containing `text` is on screen; returns that card's text. */
  async newCardAfter(text: string, action: () => Promise<void>): Promise<string> {
    const cards = this.cardContaining(text);
    const before = await cards.count();
    await action();
    await expectCount(() => cards.count(), before + 1);
    return cards.nth(before).innerText();
  }

  async openPersonalChat(): Promise<void> {
    await this.page.getByText('Personal Chat', { exact: true }).click();
  }

  async openChannel(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).click();
  }

  /** Fills a card's text input or text area, found by its label. */
  async fill(card: Locator, label: string | RegExp, value: string): Promise<void> {
    await card.getByRole('textbox', { name: label }).fill(value);
  }

  /** Picks an option of a card's radio-button question, found by the question's label. */
  async choose(card: Locator, question: string | RegExp, option: string): Promise<void> {
    await card.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).check();
  }

  async send(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').first().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** In a channel Teams delivers a post to the bot only when it @mentions the bot, picked from the list. */
  async postMentioningBot(botName: string, text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').first().click();
    await this.page.keyboard.type(`@${botName.slice(0, 4)}`);
    await this.page.getByRole('menuitem', { name: botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post' }).click();
  }
}

async function expectCount(count: () => Promise<number>, atLeast: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await count()) < atLeast) {
    if (Date.now() > deadline) throw new Error(`expected at least ${atLeast} matching cards within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
