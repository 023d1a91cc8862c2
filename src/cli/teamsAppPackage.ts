/**
 * Builds the Teams app package: appPackage/manifest.json with its ${{VAR}} placeholders filled from
 * env/.env.<name> (the Agents Toolkit convention), plus the two icons, zipped at the root of the archive.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { PROJECT_ROOT } from '../config';

const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

export function readEnvFile(envName: string): Record<string, string> {
  const file = path.join(PROJECT_ROOT, 'env', `.env.${envName}`);
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Za-z0-9_]+)\s*=\s*(.*)\s*$/);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/** Fills every placeholder; throws naming each variable that is missing or empty. */
export function fillManifest(template: string, values: Record<string, string>): object {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (!value) missing.add(name);
    return value ?? '';
  });
  if (missing.size > 0) throw new Error(`Cannot fill the manifest: set ${[...missing].join(', ')} in the env file`);
  return JSON.parse(filled) as object;
}

export function buildAppPackage(envName: string): { manifest: object; zip: Buffer } {
  const appPackageDir = path.join(PROJECT_ROOT, 'appPackage');
  const manifest = fillManifest(readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8'), readEnvFile(envName));
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addLocalFile(path.join(appPackageDir, 'color.png'));
  zip.addLocalFile(path.join(appPackageDir, 'outline.png'));
  return { manifest, zip: zip.toBuffer() };
}
