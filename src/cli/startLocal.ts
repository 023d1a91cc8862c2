/**
 * `npm start`: the bot on 127.0.0.1:3978 and the Agents Playground on :56150. Ctrl+C stops both.
 * `npm start -- --as front-door` plays another role; `--as dsl,front-door` opens one Playground per role
 * (56150, 56151, …), all talking to the same bot.
 */
import { startLocalStack } from './localStack';
import { PLAYGROUND_ROLES } from './playgroundUser';

async function main(): Promise<void> {
  const asFlag = process.argv.indexOf('--as');
  const asRoles =
    asFlag >= 0
      ? (process.argv[asFlag + 1] ?? '')
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean)
      : ['dsl'];
  const stack = await startLocalStack({
    botPort: Number(process.env.PORT ?? 3978),
    playgroundPort: Number(process.env.PLAYGROUND_PORT ?? 56150),
    asRoles,
  });
  const lines = stack.playgrounds.map(
    ({ role, url }) => `  Open the Agents Playground: ${url}   (you are ${PLAYGROUND_ROLES[role]}, ${role})`,
  );
  console.log(
    `\n  Safeguarding assistant is running.\n${lines.join('\n')}\n  Type "help" in the chat. Press Ctrl+C to stop.\n  Other roles: npm start -- --as <${Object.keys(PLAYGROUND_ROLES).join('|')}>[,<another>]\n`,
  );
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
