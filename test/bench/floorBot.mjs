// The floor for `npm run bench -- turns`: the bot's own stack (restify, botbuilder's CloudAdapter as
// teams-ai's TeamsAdapter, a teams-ai Application, local-mode auth: no credentials) answering every message
// with one small Adaptive Card and nothing else. Whatever a turn of the real bot costs above this is ours.
// Plain JavaScript run by node, like the real bot's dist/index.js, so both start and run the same way.
import { ConfigurationServiceClientCredentialFactory, CardFactory } from 'botbuilder';
import teamsAi from '@microsoft/teams-ai';
import restify from 'restify';

const { Application, TeamsAdapter } = teamsAi;
const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
const app = new Application({ adapter, startTypingTimer: false, removeRecipientMention: false });

const CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello from the floor bot.', wrap: true }],
};

app.activity('message', async (context) => {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(CARD)] });
});

const server = restify.createServer({ name: 'floor-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => app.run(context));
});
server.get('/readyz', (_req, res, next) => {
  res.send(200, { ready: true });
  next();
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
// Exit normally on Ctrl+C (the benchmark's stop), so --cpu-prof can write its profile.
process.once('SIGINT', () => server.close(() => process.exit(0)));
