/**
 * The layering, lint and format rules CI runs (`npm run lint`) must be able to fail. Each case writes a tiny
 * project that breaks one rule, runs the real tool with this repository's configuration, and expects a refusal
 * naming that rule; a clean file beside it must pass, so the rules are not failing for some other reason.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const BIN = (tool: string) => path.join(ROOT, 'node_modules', '.bin', tool);

let projects: string[] = [];
afterEach(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
  projects = [];
});

/** A throwaway project: the given files, this repository's node_modules and a minimal tsconfig. */
function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'code-rules-'));
  projects.push(dir);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Runs a tool in the project; resolves to its exit code and everything it printed. */
async function runTool(dir: string, tool: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(BIN(tool), args, { cwd: dir });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const cruise = (dir: string) => runTool(dir, 'depcruise', ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs')]);

describe('layering (dependency-cruiser)', () => {
  const cases: Array<{ rule: string; files: Record<string, string> }> = [
    {
      rule: 'no-folder-cycles',
      files: {
        'src/alpha/a.ts': "import { b } from '../beta/b';\nexport const a = () => b;\n",
        'src/beta/b.ts': "import { a } from '../alpha/a';\nexport const b = () => a;\n",
      },
    },
    {
      rule: 'only-the-teams-edge-imports-the-sdk',
      files: { 'src/referrals/send.ts': "import { MessageFactory } from 'botbuilder';\nexport const m = MessageFactory;\n" },
    },
    {
      rule: 'only-the-http-layer-imports-restify',
      files: { 'src/updates/server.ts': "import restify from 'restify';\nexport const r = restify;\n" },
    },
    {
      rule: 'cards-and-answers-import-no-storage',
      files: {
        'src/cards/card.ts': "import { rows } from '../storage/rows';\nexport const card = rows;\n",
        'src/storage/rows.ts': 'export const rows = 1;\n',
      },
    },
    {
      rule: 'conversation-handlers-write-through-use-cases',
      files: {
        'src/conversation/vote.ts': "import { rows } from '../storage/rows';\nexport const vote = rows;\n",
        'src/storage/rows.ts': 'export const rows = 1;\n',
      },
    },
    {
      rule: 'domain-gets-file-paths-from-config',
      files: {
        'src/referrals/paths.ts': "import { ROOT } from '../config';\nexport const where = ROOT;\n",
        'src/config.ts': "export const ROOT = '/';\n",
      },
    },
  ];

  it.each(cases)('refuses a breach of $rule', async ({ rule, files }) => {
    const result = await cruise(projectWith(files));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(rule);
  });

  it('passes the same shapes when they keep the rules', async () => {
    const dir = projectWith({
      'src/teams/send.ts': "import { MessageFactory } from 'botbuilder';\nexport const m = MessageFactory;\n",
      'src/http/server.ts': "import restify from 'restify';\nexport const r = restify;\n",
      'src/referrals/paths.ts': "import type { Config } from '../config';\nexport const where = (config: Config) => config.root;\n",
      'src/config.ts': 'export interface Config { root: string }\n',
    });
    const result = await cruise(dir);
    expect(result.output).not.toContain('error');
    expect(result.code).toBe(0);
  });
});

describe('lint (ESLint with typescript-eslint)', () => {
  it('refuses console.log in product code, which could print what a person typed', async () => {
    const dir = projectWith({ 'src/leak.ts': 'export function leak(name: string): void {\n  console.log(name);\n}\n' });
    const result = await runTool(dir, 'eslint', ['--config', path.join(ROOT, 'eslint.config.mjs'), 'src']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-console');
  });

  it('refuses an unused variable', async () => {
    const dir = projectWith({ 'src/unused.ts': 'export function f(): number {\n  const forgotten = 1;\n  return 2;\n}\n' });
    const result = await runTool(dir, 'eslint', ['--config', path.join(ROOT, 'eslint.config.mjs'), 'src']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-unused-vars');
  });
});

describe('format (Prettier)', () => {
  const check = (dir: string) => runTool(dir, 'prettier', ['--config', path.join(ROOT, '.prettierrc.json'), '--check', 'src']);

  it('refuses a file not in the house format', async () => {
    const result = await check(projectWith({ 'src/messy.ts': 'export const   x = {a:1,\n b : "two"}\n' }));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('messy.ts');
  });

  it('accepts the same file once formatted', async () => {
    const result = await check(projectWith({ 'src/tidy.ts': "export const x = { a: 1, b: 'two' };\n" }));
    expect(result.code).toBe(0);
  });
});
