import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signature, signedHeaders, verifySignature } from '../../src/security/hmacSignature';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('signed requests (webhook out, outcome API in)', () => {
  it('accepts what it signed', () => {
    const headers = signedHeaders(SECRET, '{"a":1}', NOW);
    expect(
      verifySignature(
        SECRET,
        { timestamp: headers['x-safeguarding-timestamp'], signature: headers['x-safeguarding-signature'] },
        '{"a":1}',
        NOW,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, or no signature', () => {
    const headers = signedHeaders(SECRET, '{"a":1}', NOW);
    const given = { timestamp: headers['x-safeguarding-timestamp'], signature: headers['x-safeguarding-signature'] };
    expect(verifySignature(SECRET, given, '{"a":2}', NOW)).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verifySignature('another-secret-another-secret-another', given, '{"a":1}', NOW).ok).toBe(false);
    expect(verifySignature(SECRET, { timestamp: given.timestamp }, '{"a":1}', NOW).ok).toBe(false);
  });

  it('refuses a timestamp more than five minutes away, either way', () => {
    const old = String(Math.floor((NOW - 5 * 60_000 - 1000) / 1000));
    expect(verifySignature(SECRET, { timestamp: old, signature: signature(SECRET, old, 'b') }, 'b', NOW)).toEqual({
      ok: false,
      reason: 'timestamp is more than 5 minutes from now',
    });
    const future = String(Math.floor((NOW + 6 * 60_000) / 1000));
    expect(verifySignature(SECRET, { timestamp: future, signature: signature(SECRET, future, 'b') }, 'b', NOW).ok).toBe(false);
    expect(verifySignature(SECRET, { timestamp: 'yesterday', signature: 'x' }, 'b', NOW).ok).toBe(false);
  });

  it('matches what openssl computes, so a council can sign from a shell script', () => {
    const fromOpenssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', SECRET, '-hex'], { input: '1700000000.{"x":1}' })
      .toString()
      .trim()
      .split(' ')
      .pop();
    expect(signature(SECRET, '1700000000', '{"x":1}')).toBe(`sha256=${fromOpenssl}`);
  });
});
