/**
 * `npm run package [-- --env local]`: writes appPackage/build/appPackage.<env>.zip to upload to Teams.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { buildAppPackage } from './teamsAppPackage';

const envFlag = process.argv.indexOf('--env');
const envName = envFlag >= 0 ? process.argv[envFlag + 1] : 'dev';

try {
  const { manifest, zip } = buildAppPackage(envName);
  const outDir = path.join(PROJECT_ROOT, 'appPackage', 'build');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `manifest.${envName}.json`), JSON.stringify(manifest, null, 2));
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, zip);
  console.log(`Teams app package: ${path.relative(process.cwd(), zipPath)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
