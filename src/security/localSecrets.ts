/**
 * Local mode needs an encryption key and an API secret but no one should have to make them by hand:
 * they are created on first start in the data folder, readable by the owner only (0600), and reused after.
 * Production never uses these: there the key and secrets come from configuration (see config.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirectory, tightenIfPresent } from '../storage/privateFiles';

/** Reads the secret in `file`, creating it from `bytes` random bytes (base64) the first time. */
export function readOrCreateSecretFile(file: string, bytes: number): string {
  ensurePrivateDirectory(path.dirname(file));
  if (!existsSync(file)) {
    // 'wx' fails if another process created the file meanwhile; then we read theirs.
    try {
      writeFileSync(file, `${randomBytes(bytes).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  tightenIfPresent(file); // one made by an older version, or copied in by hand, may be world-readable
  return readFileSync(file, 'utf8').trim();
}

/**
 * A secret from configuration; failing that, in local mode only, the one kept in DATA_DIR under `file`
 * (made on first use). Production without a configured secret gets undefined: the feature stays off.
 */
export function configuredOrLocalSecret(
  configured: string | undefined,
  where: { mode: 'local' | 'production'; dataDir: string },
  file: string,
  bytes = 32,
): string | undefined {
  if (configured) return configured;
  return where.mode === 'local' ? readOrCreateSecretFile(path.join(where.dataDir, file), bytes) : undefined;
}
