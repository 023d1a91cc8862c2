/**
 * `npm start`: the bot on 127.0.0.1:3978 and the Agents Playground on :56150. Ctrl+C stops both.
 */
import { startLocalStack } from './localStack';
import { PLAYGROUND_ROLES } from './playgroundUser';

async function main(): Promise<void> {
  const asFlag = process.argv.indexOf('--as');
  const asRole = asFlag >= 0 ? process.argv[asFlag + 1] : undefined;
  const stack = await startLocalStack({ botPort: Number(process.env.PORT ?? 3978), playgroundPort: Number(process.env.PLAYGROUND_PORT ?? 56150), asRole });
  const who = PLAYGROUND_ROLES[asRole ?? 'dsl'];
  console.log(`\n  Safeguarding assistant is running.\n  Open the Agents Playground: ${stack.playgroundUrl}\n  You are ${who} (${asRole ?? 'dsl'}). Type "help" in the chat. Press Ctrl+C to stop.\n  Another role: npm start -- --as <${Object.keys(PLAYGROUND_ROLES).join('|')}>\n`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
