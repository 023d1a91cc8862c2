// A fake Bot Framework connector in its own process, for measuring send rates: in the test's own process
// its clock would run on the bot's event loop, and a busy bot would make requests look bunched up.
// Rules (JSON in FAKE_CONNECTOR_RULES) refuse sends as Teams does under load:
//   [{ "every": 10, "remainder": 0, "attempts": 1, "status": 429, "headers": { "retry-after": "1" } }]
// refuses, with that status, the first `attempts` sends to each conversation whose number (the digits
// before "@" in its id) leaves `remainder` when divided by `every`. GET /_state returns what happened.
import http from 'node:http';

const rules = JSON.parse(process.env.FAKE_CONNECTOR_RULES ?? '[]');
const attempts = new Map();
const sent = [];
const requests = [];

function refusal(conversationId) {
  const attempt = (attempts.get(conversationId) ?? 0) + 1;
  attempts.set(conversationId, attempt);
  const number = Number(/(\d+)@/.exec(conversationId)?.[1] ?? -1);
  return rules.find((rule) => number % rule.every === rule.remainder && attempt <= rule.attempts);
}

const server = http.createServer((req, res) => {
  const at = Date.now(); // as the request arrives, before its body is read
  if (req.method === 'GET' && req.url === '/_state') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sent, requests }));
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') return void res.writeHead(404).end();
    const conversationId = decodeURIComponent(match[1]);
    const refused = refusal(conversationId);
    requests.push({ conversationId, at, status: refused?.status ?? 200 });
    if (refused) {
      res.writeHead(refused.status, { 'content-type': 'application/json', ...refused.headers });
      res.end(JSON.stringify({ error: { code: 'Injected', message: 'refused by the test' } }));
      return;
    }
    sent.push({ conversationId, activity: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${sent.length}` }));
  });
});

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
