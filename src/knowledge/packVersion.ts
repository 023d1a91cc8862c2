/**
 * "Which pack said this": a pack version is the date its content is as of (the newest `reviewed` date) and a
 * short hash of its files. Both come from the content alone, never from the clock or the build machine, so
 * the same pack built twice, anywhere, has the same version, and any edit to any file changes it.
 */
import { createHash } from 'node:crypto';

export interface PackVersion {
  /** The newest `reviewed` date in the pack (YYYY-MM-DD): "content as of". */
  date: string;
  /** The first 8 hex digits of SHA-256 over the pack's files. */
  hash: string;
  /** What cards, audit rows and votes show, e.g. "2026-12-02 · 1a2b3c4d". */
  label: string;
}

export interface PackFile {
  /** Relative to the pack folder, with forward slashes, e.g. "answers/fgm.md". */
  path: string;
  content: string;
}

export function packVersionOf(files: PackFile[], reviewedDates: string[]): PackVersion {
  const date = [...reviewedDates].sort().at(-1) ?? 'unreviewed';
  const hash = contentHash(files);
  return { date, hash, label: `${date} · ${hash}` };
}

/**
 * Files in path order, each as its path and its text with Windows line endings made Unix ones, so a
 * checkout on another machine (or git's autocrlf) does not change the version of unchanged content.
 * The path is hashed too, so renaming an answer is a new version.
 */
function contentHash(files: PackFile[]): string {
  const sha = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    sha.update(`${file.path}\0${file.content.replace(/\r\n/g, '\n')}\0`, 'utf8');
  }
  return sha.digest('hex').slice(0, 8);
}
