/**
 * `npm start`: the bot on 127.0.0.1:3978 and the Agents Playground on :56150. Ctrl+C stops both.
 */
import { startLocalStack } from './localStack';

async function main(): Promise<void> {
  const stack = await startLocalStack({ botPort: Number(process.env.PORT ?? 3978), playgroundPort: Number(process.env.PLAYGROUND_PORT ?? 56150) });
  console.log(`\n  Safeguarding assistant is running.\n  Open the Agents Playground: ${stack.playgroundUrl}\n  Type "help" in the chat. Press Ctrl+C to stop.\n`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
