import { describe, expect, it } from 'vitest';
import { startTestBot, TEST_DATABASE_URL } from '../support/runningBot';

describe('with PostgreSQL configured (DATABASE_URL)', () => {
  it('uses PostgreSQL and is ready when it answers', async () => {
    const bot = await startTestBot({ DATABASE_URL: TEST_DATABASE_URL });
    try {
      expect(bot.database.engine).toBe('postgres');
      const ready = await fetch(`${bot.url}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it('is not ready when PostgreSQL cannot be reached', async () => {
    const bot = await startTestBot({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      const ready = await fetch(`${bot.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).checks).toEqual({ knowledge: true, directory: false, database: false });
    } finally {
      await bot.stop();
    }
  });
});
