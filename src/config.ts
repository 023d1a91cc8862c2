/**
 * Every environment variable the bot reads, in one zod schema.
 *
 * Two modes:
 *  - local (the default, `npm start`): no Bot Framework credentials, loopback only, data under ./data.
 *    The Agents Playground sends activities without a token, which botbuilder accepts only when the app id
 *    is empty, so local mode must never be reachable from outside the machine.
 *  - production (`npm run serve`): Microsoft app id, a credential and the tenant id are required, because
 *    botbuilder silently turns JWT validation OFF when the app id is empty (fail-open). We fail closed instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0),
  );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value.trim() : undefined));

const environmentSchema = z.object({
  BOT_MODE: z.enum(['local', 'production']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0 picks a free port (tests)
  HOST: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppPasswordFile: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalText,
  ALLOWED_TENANT_IDS: commaList,
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, 'data')),
  DATABASE_URL: optionalText,
  DIRECTORY_PATH: optionalText,
  KNOWLEDGE_INDEX_PATH: z.string().default(path.join(PROJECT_ROOT, 'dist', 'knowledge', 'index.json')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Environment = z.infer<typeof environmentSchema>;

export interface BotCredentials {
  appId: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId: string;
  /** Absent only for a user-assigned managed identity, which needs no secret. */
  password?: string;
}

export interface Config {
  mode: 'local' | 'production';
  port: number;
  host: string;
  /** Undefined in local mode: the Playground sends no tokens. */
  credentials?: BotCredentials;
  /** Tenants whose activities are processed; anything else is refused after the JWT check. */
  allowedTenantIds: string[];
  dataDir: string;
  databaseUrl?: string;
  /** The directory YAML the bot reads and admins edit; seeded from config/directory.yaml when missing. */
  directoryPath: string;
  knowledgeIndexPath: string;
  logLevel: Environment['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; throws ConfigError naming every variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  return values.BOT_MODE === 'local' ? localConfig(values) : productionConfig(values);
}

function localConfig(values: Environment): Config {
  if (values.HOST && !isLoopback(values.HOST)) {
    throw new ConfigError([
      `HOST: local mode listens on 127.0.0.1 only (got "${values.HOST}"); use npm run serve with credentials to listen elsewhere`,
    ]);
  }
  return {
    ...commonConfig(values),
    mode: 'local',
    host: '127.0.0.1',
    credentials: undefined,
    allowedTenantIds: values.ALLOWED_TENANT_IDS,
  };
}

function productionConfig(values: Environment): Config {
  const problems: string[] = [];
  const requiredInProduction = (name: string) =>
    problems.push(`${name}: required in production mode (npm run serve); see env/.env.example`);

  if (!values.MicrosoftAppId) requiredInProduction('MicrosoftAppId');
  if (!values.MicrosoftAppTenantId) requiredInProduction('MicrosoftAppTenantId');
  const password = readPassword(values, problems);
  if (values.MicrosoftAppType !== 'UserAssignedMSI' && !password) {
    requiredInProduction('MicrosoftAppPassword (or MicrosoftAppPasswordFile)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const tenantId = values.MicrosoftAppTenantId!.toLowerCase();
  return {
    ...commonConfig(values),
    mode: 'production',
    host: values.HOST ?? '0.0.0.0',
    credentials: { appId: values.MicrosoftAppId!, appType: values.MicrosoftAppType, tenantId, password },
    // Default to the bot's own tenant: a council's bot should never serve another organisation by accident.
    allowedTenantIds: values.ALLOWED_TENANT_IDS.length > 0 ? values.ALLOWED_TENANT_IDS : [tenantId],
  };
}

function commonConfig(values: Environment) {
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    port: values.PORT,
    dataDir,
    directoryPath: path.resolve(values.DIRECTORY_PATH ?? path.join(dataDir, 'directory.yaml')),
    databaseUrl: values.DATABASE_URL,
    knowledgeIndexPath: path.resolve(values.KNOWLEDGE_INDEX_PATH),
    logLevel: values.LOG_LEVEL,
  };
}

/** Secrets may come from a file (a mounted secret) so they never sit in the process environment listing. */
function readPassword(values: Environment, problems: string[]): string | undefined {
  if (values.MicrosoftAppPassword) return values.MicrosoftAppPassword;
  if (!values.MicrosoftAppPasswordFile) return undefined;
  try {
    const secret = readFileSync(values.MicrosoftAppPasswordFile, 'utf8').trim();
    return secret.length > 0 ? secret : undefined;
  } catch (error) {
    problems.push(`MicrosoftAppPasswordFile: cannot read ${values.MicrosoftAppPasswordFile} (${(error as Error).message})`);
    return undefined;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
