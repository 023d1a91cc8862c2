/**
 * `npm run pack:check`: reads the pack in knowledge/ (or the folder given as the first argument), runs the
 * content rules in src/knowledge/packCheck/, prints one line per finding and a summary, and exits 1 when
 * there is any error, so the build and CI stop. Warnings are printed but do not fail.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { readPack } from '../knowledge/loadPack';
import { checkPack, formatFinding, hasErrors, summaryLine, type Finding } from '../knowledge/packCheck/checkPack';

const packDir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'knowledge'));
const findings = findingsFor(packDir, new Date());
for (const finding of findings) console.log(formatFinding(finding));
console.log(summaryLine(findings));
process.exitCode = hasErrors(findings) ? 1 : 0;

/** A malformed file stops the rules from running; each schema problem is then reported as an error. */
function findingsFor(dir: string, today: Date): Finding[] {
  const { pack, problems } = readPack(dir);
  if (!pack) return problems.map(schemaFinding);
  return checkPack(pack, today);
}

/** readPack's problems read "file: field: what is wrong". */
function schemaFinding(problem: string): Finding {
  const [file, ...rest] = problem.split(': ');
  return { severity: 'error', file, rule: 'schema', message: `${rest.join(': ')}.` };
}
