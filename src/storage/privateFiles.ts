/**
 * Data at rest is for the bot's own account only: the SQLite database (and its -wal and -shm files), the
 * directory file, the local encryption key and API secrets. Files are 0600 and their folders 0700, whatever
 * the process umask, and files or folders made 0644/0755 by an older version are tightened when opened.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Makes `directory` (and any missing parents) and sets the directory itself to 0700. A folder owned by
 * another account (a mount the operator set up) cannot be changed by us and is left as the operator made it.
 */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  try {
    chmodSync(directory, PRIVATE_DIRECTORY_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/**
 * Creates `file` empty if it is missing, and sets it to 0600. SQLite gives its -wal and -shm files the
 * database file's mode, so making the database file first is enough for those it creates later.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Sets an existing file to 0600; a missing one is left missing. */
export function tightenIfPresent(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
