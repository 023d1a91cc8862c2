/**
 * Encryption at rest for the personal fields of a referral (a child's name, address, the concern).
 * AES-256-GCM with a fresh 96-bit IV per value. The `context` (the referral's submission key) is bound in as
 * associated data, so a sealed value copied onto another referral's row fails to open instead of showing
 * one child's details under another child's reference.
 *
 * Sealed form: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url). The key id lets a council rotate keys:
 * the new key seals, and previous keys (REFERRAL_ENCRYPTION_PREVIOUS_KEYS) still open older values.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
export const KEY_BYTES = 32;

export class FieldCipher {
  private readonly currentKeyId: string;
  private readonly keys = new Map<string, Buffer>();
  private readonly fingerprintKey: Buffer;

  constructor(currentKey: Buffer, previousKeys: Buffer[] = []) {
    for (const key of [currentKey, ...previousKeys]) {
      if (key.length !== KEY_BYTES) throw new Error(`An encryption key must be ${KEY_BYTES} bytes (got ${key.length})`);
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(currentKey);
    // A separate key for fingerprints, derived so the encryption key itself is never used for two jobs.
    this.fingerprintKey = Buffer.from(hkdfSync('sha256', currentKey, Buffer.alloc(0), 'referral fingerprint', KEY_BYTES));
  }

  /**
   * A keyed hash of `text`, for telling whether two submissions were the same without storing either in
   * the clear. Keyed, so nobody holding only the database can test guesses about what a form said.
   */
  fingerprint(text: string): string {
    return createHmac('sha256', this.fingerprintKey).update(text, 'utf8').digest('base64url');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.currentKeyId, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The ids of the keys this cipher can open values with. */
  keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** Throws if the value was altered, sealed for another context, or sealed with a key we no longer hold. */
  open(sealed: string, context: string): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || ciphertext === undefined) throw new Error('Not a sealed value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Sealed with key ${keyId}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** A short, non-secret fingerprint of a key, stored with each value it seals. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
