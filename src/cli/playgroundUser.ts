/**
 * `npm start -- --as <role>`: the Agents Playground always acts as its `currentUser`, so to try another
 * role we write a copy of .m365agentsplayground.yml with that person swapped in as the current user.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../config';

export const PLAYGROUND_CONFIG = path.join(PROJECT_ROOT, '.m365agentsplayground.yml');

/** Which Playground user plays each role (their ids are in config/directory.yaml). */
export const PLAYGROUND_ROLES: Record<string, string> = {
  dsl: 'Alex Wilber',
  headteacher: 'Megan Bowen',
  'early-help': 'Adele Vance',
  'front-door': 'Isaiah Langer',
  admin: 'Patti Fernandez',
  'other-school-dsl': 'Lynne Robbins',
  unknown: 'Jordan Unlisted',
  /** Alex again, but signed in to another organisation's tenant: everything is refused. */
  'other-tenant': 'Alex Wilber',
};

/** A tenant that is not in ALLOWED_TENANT_IDS. */
const OTHER_TENANT_ID = '99999999-9999-9999-9999-999999999999';

interface PlaygroundUser {
  name: string;
}

/** Someone who is in the tenant but not in the directory, to try what an unknown user sees. */
const NOT_IN_DIRECTORY = {
  id: 'user-id-9',
  name: 'Jordan Unlisted',
  userPrincipleName: 'jordanu@example.com',
  aadObjectId: '00000000-0000-0000-0000-0000000000029',
  givenName: 'Jordan',
  surname: 'Unlisted',
  email: 'jordanu@example.com',
};

/** The Playground insists on exactly this many users besides the current one. */
const OTHER_USERS = 5;

/** Returns the config file to give the Playground: the committed one, or a copy for another role. */
export function playgroundConfigFor(role: string | undefined, outDir: string): string {
  if (!role || role === 'dsl') return PLAYGROUND_CONFIG;
  const name = PLAYGROUND_ROLES[role];
  if (!name) throw new Error(`--as ${role}: choose one of ${Object.keys(PLAYGROUND_ROLES).join(', ')}`);
  const config = YAML.parse(readFileSync(PLAYGROUND_CONFIG, 'utf8')) as {
    tenantId: string;
    currentUser: PlaygroundUser;
    users: PlaygroundUser[];
  };
  if (role === 'other-tenant') config.tenantId = OTHER_TENANT_ID;
  const everyone = [config.currentUser, ...config.users, NOT_IN_DIRECTORY];
  const chosen = everyone.find((user) => user.name === name)!;
  config.currentUser = chosen;
  config.users = everyone.filter((user) => user !== chosen).slice(0, OTHER_USERS);
  const file = path.join(outDir, `playground.${role}.yml`);
  writeFileSync(file, YAML.stringify(config));
  return file;
}
