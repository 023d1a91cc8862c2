/**
 * `npm run pack:check`: reads the pack in knowledge/ (or the folder given as the first argument), runs the
 * content rules in src/knowledge/packCheck/, prints one line per finding and a summary, and exits 1 when
 * there is any error, so the build and CI stop. Warnings are printed but do not fail.
 * `--errors-only` (used by `npm run build`) prints the errors and the summary but not each warning, so a
 * build's output stays readable; `npm run pack:check` shows every warning for the person reviewing the pack.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { readPack } from '../knowledge/loadPack';
import { checkPack, formatFinding, hasErrors, summaryLine, type Finding } from '../knowledge/packCheck/checkPack';

const args = process.argv.slice(2);
const errorsOnly = args.includes('--errors-only');
const packDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(PROJECT_ROOT, 'knowledge'));
const findings = findingsFor(packDir, new Date());
// Inside the build the report goes to stderr, so that `npm run ask -- --json` (which builds first) keeps stdout
// for its JSON alone.
const print = errorsOnly ? console.error : console.log;
for (const finding of findings) if (!errorsOnly || finding.severity === 'error') print(formatFinding(finding));
const warnings = findings.filter((finding) => finding.severity === 'warning').length;
print(summaryLine(findings) + (errorsOnly && warnings > 0 ? ' Run "npm run pack:check" to see the warnings.' : ''));
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
