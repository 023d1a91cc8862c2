/**
 * How configuration problems are reported, apart from config.ts, so that code reading its own settings (the
 * referral adapters) can name a wrong variable without importing the configuration and its file paths.
 */
import { readFileSync } from 'node:fs';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * A secret from its variable, or from the file its `…_FILE` variable names (a mounted secret), so it need
 * never sit in the process environment listing.
 */
export function secretValue(
  value: string | undefined,
  fileVariable: string,
  file: string | undefined,
  problems: string[],
): string | undefined {
  if (value) return value;
  if (!file) return undefined;
  try {
    const secret = readFileSync(file, 'utf8').trim();
    return secret.length > 0 ? secret : undefined;
  } catch (error) {
    problems.push(`${fileVariable}: cannot read ${file} (${(error as Error).message})`);
    return undefined;
  }
}
