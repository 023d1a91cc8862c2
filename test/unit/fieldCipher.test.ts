import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../src/security/fieldCipher';

describe('encryption of a referral’s personal fields', () => {
  const key = randomBytes(32);
  const cipher = new FieldCipher(key);

  it('opens what it sealed, and the sealed text reveals nothing', () => {
    const sealed = cipher.seal('{"childFirstName":"Jayden"}', 'referral-1');
    expect(sealed).not.toContain('Jayden');
    expect(cipher.open(sealed, 'referral-1')).toBe('{"childFirstName":"Jayden"}');
    expect(cipher.seal('same', 'r')).not.toBe(cipher.seal('same', 'r')); // a fresh IV every time
  });

  it('refuses a value moved to another referral’s row, or altered', () => {
    const sealed = cipher.seal('details', 'referral-1');
    expect(() => cipher.open(sealed, 'referral-2')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'referral-1')).toThrow();
  });

  it('opens values sealed with a previous key after rotation, and says which key is missing otherwise', () => {
    const sealedWithOld = cipher.seal('old', 'r');
    const rotated = new FieldCipher(randomBytes(32), [key]);
    expect(rotated.open(sealedWithOld, 'r')).toBe('old');
    expect(() => new FieldCipher(randomBytes(32)).open(sealedWithOld, 'r')).toThrow(/not configured/);
  });

  it('fingerprints are stable for one key and differ between keys', () => {
    expect(cipher.fingerprint('form')).toBe(cipher.fingerprint('form'));
    expect(cipher.fingerprint('form')).not.toBe(cipher.fingerprint('form2'));
    expect(new FieldCipher(randomBytes(32)).fingerprint('form')).not.toBe(cipher.fingerprint('form'));
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
