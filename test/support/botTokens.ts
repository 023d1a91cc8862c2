/**
 * A stand-in for the Bot Framework's token service, so production mode's real JWT checks can be tested
 * without Microsoft: a loopback OpenID metadata endpoint publishing our own RSA key (the bot is pointed at it
 * with BotOpenIdMetadata), and a signer for channel tokens that are genuine, forged, expired or odd in any way
 * a test needs. Signing is done with node:crypto so that no shortcut in a JWT library hides a mistake.
 */
import { generateKeyPairSync, createHmac, createSign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const KEY_ID = 'test-signing-key';

export interface TokenOptions {
  appId: string;
  serviceUrl: string;
  /** Seconds from now; negative for the past. */
  expiresIn?: number;
  notBeforeIn?: number;
  issuer?: string;
  /** Sign with this key instead of the published one (a forgery). */
  signingKey?: KeyObject;
  /** Header algorithm: RS256 (default), `none` (no signature) or HS256 (signed with the public key as secret). */
  algorithm?: 'RS256' | 'none' | 'HS256';
}

export async function startTokenService() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys')
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
  return {
    metadataUrl,
    /** A channel token as the Bot Framework sends it, shaped by `options`. */
    token(options: TokenOptions): string {
      const now = Math.floor(Date.now() / 1000);
      const algorithm = options.algorithm ?? 'RS256';
      const header = { alg: algorithm, typ: 'JWT', kid: KEY_ID };
      const claims = {
        iss: options.issuer ?? CHANNEL_ISSUER,
        aud: options.appId,
        serviceurl: options.serviceUrl,
        nbf: now + (options.notBeforeIn ?? -300),
        exp: now + (options.expiresIn ?? 3600),
      };
      const unsigned = `${base64url(header)}.${base64url(claims)}`;
      return `${unsigned}.${signature(unsigned, algorithm, options.signingKey ?? privateKey, publicKey)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A different key, for forged signatures. */
export function anotherKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function signature(unsigned: string, algorithm: TokenOptions['algorithm'], key: KeyObject, publicKey: KeyObject): string {
  if (algorithm === 'none') return '';
  if (algorithm === 'HS256') {
    // The classic confusion attack: HMAC keyed with the published RSA public key.
    return createHmac('sha256', publicKey.export({ format: 'pem', type: 'spki' }))
      .update(unsigned)
      .digest('base64url');
  }
  return createSign('RSA-SHA256').update(unsigned).sign(key, 'base64url');
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
