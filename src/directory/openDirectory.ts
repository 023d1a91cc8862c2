import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../logging/logger';
import { YamlDirectory } from './yamlDirectory';

/** The fictional sample shipped with the project; copied to the data folder on first start. */
export const SAMPLE_DIRECTORY = path.join(PROJECT_ROOT, 'config', 'directory.yaml');

/**
 * Opens the directory file, creating it from the sample the first time, so that admin edits made from
 * Teams change the council's copy under DATA_DIR and never the file committed to the repository.
 */
export function openDirectory(directoryPath: string, logger?: Logger): YamlDirectory {
  if (!existsSync(directoryPath)) {
    mkdirSync(path.dirname(directoryPath), { recursive: true, mode: 0o700 });
    copyFileSync(SAMPLE_DIRECTORY, directoryPath);
  }
  const directory = new YamlDirectory(directoryPath, logger);
  directory.watch();
  return directory;
}
