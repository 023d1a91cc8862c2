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
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, secretValue } from './configProblems';
import { KIND_INFO, REFERRAL_KINDS, type ReferralKind } from './referrals/referralKinds';

export { ConfigError, secretValue };

export const PROJECT_ROOT = path.resolve(__dirname, '..');
/** The fictional sample directory shipped with the project: the seed when a council has no file of its own. */
export const SAMPLE_DIRECTORY = path.join(PROJECT_ROOT, 'config', 'directory.yaml');
/** The outcomes the council records on a referral (referrals/outcomes.ts reads it). */
export const OUTCOMES_FILE = path.join(PROJECT_ROOT, 'config', 'outcomes.yaml');
/** The council's working days: time zone and bank holidays (calendar/workingCalendar.ts reads it). */
export const WORKING_DAYS_FILE = path.join(PROJECT_ROOT, 'config', 'working-days.yaml');

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0),
  );

/** Comma-separated values kept as typed (base64 keys are case-sensitive). */
const rawList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

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
  REFERRAL_ENCRYPTION_KEY: optionalText,
  REFERRAL_ENCRYPTION_KEY_FILE: optionalText,
  REFERRAL_ENCRYPTION_PREVIOUS_KEYS: rawList,
  OUTCOME_API_SECRET: optionalText,
  OUTCOME_API_SECRET_FILE: optionalText,
  EARLY_HELP_ADAPTER: z.string().trim().toLowerCase().default('inbox'),
  FRONT_DOOR_ADAPTER: z.string().trim().toLowerCase().default('inbox'),
  DELIVERY_MAX_ATTEMPTS: positiveInt(12),
  DELIVERY_TIMEOUT_MS: positiveInt(10_000),
  DELIVERY_RETRY_BASE_MS: positiveInt(5_000),
  DELIVERY_RETRY_MAX_MS: positiveInt(15 * 60_000),
  DELIVERY_LEASE_MS: positiveInt(60_000),
  DELIVERY_POLL_MS: positiveInt(1_000),
  REFERRAL_RETENTION_DAYS: positiveInt(30),
  HOUSEKEEPING_INTERVAL_MS: positiveInt(60_000),
  UPDATES_API_SECRET: optionalText,
  UPDATES_API_SECRET_FILE: optionalText,
  PROACTIVE_PER_CONVERSATION_PER_SECOND: positiveInt(7),
  PROACTIVE_PER_TENANT_PER_SECOND: positiveInt(50),
  RATE_LIMIT_BURST: positiveInt(10),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(0.5),
  // botbuilder's own name for where the channel's signing keys are published; unset means Microsoft's.
  BotOpenIdMetadata: optionalText,
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
  /**
   * The council's directory YAML: seed data, read once to fill the empty directory tables (the sample
   * config/directory.yaml when this file is missing), and by `npm run directory:import`. Never written.
   */
  directoryPath: string;
  /** config/directory.yaml, the fictional sample: the seed when `directoryPath` does not exist. */
  sampleDirectoryPath: string;
  /** config/outcomes.yaml and config/working-days.yaml: domain code is handed these paths, never works them out. */
  outcomesPath: string;
  workingDaysPath: string;
  knowledgeIndexPath: string;
  logLevel: Environment['LOG_LEVEL'];
  /** Where inbound tokens' signing keys are published; undefined for Microsoft's public cloud (the default). */
  botOpenIdMetadataUrl?: string;
  /** Per-user message limit: a burst, then this many a second. */
  rateLimit: { burst: number; perSecond: number };
  /** Teams' limits for messages the bot sends unasked: per conversation and per tenant, a second. */
  proactiveLimits: { perConversation: number; perTenant: number };
  referrals: ReferralSettings;
  /** How the outbox delivers and retries, for every kind of job. */
  delivery: DeliverySettings;
  /** Shared secret for POST /api/updates; undefined in local mode (DATA_DIR keeps one). */
  updatesApiSecret?: string;
}

/** How the outbox delivers: retries with exponential backoff and jitter, then dead-letter. */
export interface DeliverySettings {
  maxAttempts: number;
  /** Longest wait for a receiver's answer before the attempt counts as failed. */
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claimed job stays with one worker; after that (a crash) another worker takes it. */
  leaseMs: number;
  pollMs: number;
}

/** Which integration adapter delivers a kind of referral, and the settings its own variables gave it. */
export interface AdapterChoice {
  name: string;
  /** Variables named <KIND>_<ADAPTER>_<SETTING>, keyed by SETTING, e.g. FRONT_DOOR_WEBHOOK_URL → URL. */
  settings: Record<string, string>;
}

export interface ReferralSettings {
  /** AES-256 key for personal fields; undefined in local mode, where the bot keeps one in DATA_DIR. */
  encryptionKey?: Buffer;
  previousEncryptionKeys: Buffer[];
  /** Shared secret for POST /api/referrals/{ref}/outcome; undefined in local mode (DATA_DIR keeps one). */
  outcomeApiSecret?: string;
  adapters: Record<ReferralKind, AdapterChoice>;
  /** Personal fields are deleted this many days after the outcome is recorded. */
  retentionDays: number;
  housekeepingIntervalMs: number;
}

/** Reads and checks the configuration; throws ConfigError naming every variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];
  const referrals = referralSettings(values, env, problems);
  const updatesApiSecret = secretValue(values.UPDATES_API_SECRET, 'UPDATES_API_SECRET_FILE', values.UPDATES_API_SECRET_FILE, problems);
  checkOpenIdMetadataUrl(values.BotOpenIdMetadata, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const config = values.BOT_MODE === 'local' ? localConfig(values, referrals) : productionConfig(values, referrals);
  return { ...config, updatesApiSecret };
}

function localConfig(values: Environment, referrals: ReferralSettings): Config {
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
    referrals,
  };
}

function productionConfig(values: Environment, referrals: ReferralSettings): Config {
  const problems: string[] = [];
  const requiredInProduction = (name: string) =>
    problems.push(`${name}: required in production mode (npm run serve); see env/.env.example`);

  if (!values.MicrosoftAppId) requiredInProduction('MicrosoftAppId');
  if (!values.MicrosoftAppTenantId) requiredInProduction('MicrosoftAppTenantId');
  const password = readPassword(values, problems);
  if (values.MicrosoftAppType !== 'UserAssignedMSI' && !password) {
    requiredInProduction('MicrosoftAppPassword (or MicrosoftAppPasswordFile)');
  }
  // Children's data must never be written unencrypted because a key was forgotten: fail closed.
  if (!referrals.encryptionKey) requiredInProduction('REFERRAL_ENCRYPTION_KEY (or REFERRAL_ENCRYPTION_KEY_FILE)');
  if (problems.length > 0) throw new ConfigError(problems);

  const tenantId = values.MicrosoftAppTenantId!.toLowerCase();
  return {
    ...commonConfig(values),
    mode: 'production',
    host: values.HOST ?? '0.0.0.0',
    credentials: { appId: values.MicrosoftAppId!, appType: values.MicrosoftAppType, tenantId, password },
    // Default to the bot's own tenant: a council's bot should never serve another organisation by accident.
    allowedTenantIds: values.ALLOWED_TENANT_IDS.length > 0 ? values.ALLOWED_TENANT_IDS : [tenantId],
    referrals,
  };
}

function commonConfig(values: Environment) {
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    port: values.PORT,
    dataDir,
    directoryPath: path.resolve(values.DIRECTORY_PATH ?? path.join(dataDir, 'directory.yaml')),
    sampleDirectoryPath: SAMPLE_DIRECTORY,
    outcomesPath: OUTCOMES_FILE,
    workingDaysPath: WORKING_DAYS_FILE,
    databaseUrl: values.DATABASE_URL,
    knowledgeIndexPath: path.resolve(values.KNOWLEDGE_INDEX_PATH),
    logLevel: values.LOG_LEVEL,
    rateLimit: { burst: values.RATE_LIMIT_BURST, perSecond: values.RATE_LIMIT_PER_SECOND },
    proactiveLimits: { perConversation: values.PROACTIVE_PER_CONVERSATION_PER_SECOND, perTenant: values.PROACTIVE_PER_TENANT_PER_SECOND },
    delivery: deliverySettings(values),
    botOpenIdMetadataUrl: values.BotOpenIdMetadata,
  };
}

/** Whoever serves the signing keys decides which tokens are genuine: only https, or a loopback test server. */
function checkOpenIdMetadataUrl(value: string | undefined, problems: string[]): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push('BotOpenIdMetadata: must be a URL');
    return;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    problems.push('BotOpenIdMetadata: must be an https URL (http only on 127.0.0.1, for tests)');
  }
}

function readPassword(values: Environment, problems: string[]): string | undefined {
  return secretValue(values.MicrosoftAppPassword, 'MicrosoftAppPasswordFile', values.MicrosoftAppPasswordFile, problems);
}

function referralSettings(values: Environment, env: NodeJS.ProcessEnv, problems: string[]): ReferralSettings {
  const keyText = secretValue(
    values.REFERRAL_ENCRYPTION_KEY,
    'REFERRAL_ENCRYPTION_KEY_FILE',
    values.REFERRAL_ENCRYPTION_KEY_FILE,
    problems,
  );
  return {
    encryptionKey: keyText === undefined ? undefined : encryptionKey('REFERRAL_ENCRYPTION_KEY', keyText, problems),
    previousEncryptionKeys: values.REFERRAL_ENCRYPTION_PREVIOUS_KEYS.map((key) =>
      encryptionKey('REFERRAL_ENCRYPTION_PREVIOUS_KEYS', key, problems),
    ),
    outcomeApiSecret: secretValue(values.OUTCOME_API_SECRET, 'OUTCOME_API_SECRET_FILE', values.OUTCOME_API_SECRET_FILE, problems),
    adapters: Object.fromEntries(
      REFERRAL_KINDS.map((kind) => {
        const name = kind === 'early-help' ? values.EARLY_HELP_ADAPTER : values.FRONT_DOOR_ADAPTER;
        return [kind, { name, settings: adapterSettings(env, `${KIND_INFO[kind].envPrefix}_${name.toUpperCase()}_`) }];
      }),
    ) as Record<ReferralKind, AdapterChoice>,
    retentionDays: values.REFERRAL_RETENTION_DAYS,
    housekeepingIntervalMs: values.HOUSEKEEPING_INTERVAL_MS,
  };
}

/** The outbox's settings, shared by everything it delivers (referrals, notifications, updates). */
function deliverySettings(values: Environment): DeliverySettings {
  return {
    maxAttempts: values.DELIVERY_MAX_ATTEMPTS,
    timeoutMs: values.DELIVERY_TIMEOUT_MS,
    retryBaseMs: values.DELIVERY_RETRY_BASE_MS,
    retryMaxMs: values.DELIVERY_RETRY_MAX_MS,
    leaseMs: values.DELIVERY_LEASE_MS,
    pollMs: values.DELIVERY_POLL_MS,
  };
}

function encryptionKey(name: string, base64: string, problems: string[]): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) problems.push(`${name}: must be 32 random bytes, base64-encoded (make one with: openssl rand -base64 32)`);
  return key;
}

/** The variables that start with `prefix`, keyed by the rest of their name. */
function adapterSettings(env: NodeJS.ProcessEnv, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([name, value]) => name.startsWith(prefix) && value !== undefined && value.trim() !== '')
      .map(([name, value]) => [name.slice(prefix.length), value!.trim()]),
  );
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
