/**
 * The directory as YAML: the sample in config/directory.yaml, or a council's own file. YAML is seed data
 * only: it fills the directory tables once, when they are empty, and `npm run directory:import` replaces
 * them from a file on purpose. The bot never writes YAML and never watches the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import YAML from 'yaml';
import { DirectoryError } from './directory';
import { directoryFileSchema, type DirectoryData } from './schema';

/** Where the seed may be (Config has both). */
export interface DirectoryPaths {
  directoryPath: string;
  sampleDirectoryPath: string;
}

/** Where a directory's first rows come from; read only when the tables turn out to be empty. */
export interface DirectorySeed {
  /** For the log: the file's path. */
  source: string;
  read(): DirectoryData;
  /** When the council's own file was last changed (ms); undefined when there is none (the sample seeds). */
  councilFileChangedAt(): number | undefined;
}

/** The council's file (DIRECTORY_PATH, by default directory.yaml under DATA_DIR) if there is one, else the sample. */
export function seedFrom(paths: DirectoryPaths): DirectorySeed {
  const file = existsSync(paths.directoryPath) ? paths.directoryPath : paths.sampleDirectoryPath;
  return {
    source: file,
    read: () => parseDirectory(readFileSync(file, 'utf8'), file),
    councilFileChangedAt: () => (existsSync(paths.directoryPath) ? statSync(paths.directoryPath).mtimeMs : undefined),
  };
}

export function parseDirectory(text: string, source: string): DirectoryData {
  return validateDirectory(YAML.parse(text), source);
}

/** The whole directory checked against its rules; every problem is named with where it is. */
export function validateDirectory(candidate: unknown, source: string): DirectoryData {
  const result = directoryFileSchema.safeParse(candidate);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new DirectoryError(`The directory is not valid:\n  - ${problems.join('\n  - ')}`);
}
