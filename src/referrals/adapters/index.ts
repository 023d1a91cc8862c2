/**
 * The adapters the bot knows. To add one (say, for a council's Liquidlogic or Mosaic case system): write one
 * file beside these that exports an AdapterFactory, add it to this list, and set FRONT_DOOR_ADAPTER (or
 * EARLY_HELP_ADAPTER) to its name, with its settings as FRONT_DOOR_<NAME>_<SETTING> variables.
 */
import type { AdapterChoice, DeliverySettings } from '../../config';
import { ConfigError } from '../../configProblems';
import { KIND_INFO, REFERRAL_KINDS, type ReferralKind } from '../referralKinds';
import { inboxAdapter } from './inboxAdapter';
import type { AdapterFactory, ReferralAdapter } from './referralAdapter';
import { webhookAdapter } from './webhookAdapter';

const FACTORIES: AdapterFactory[] = [inboxAdapter, webhookAdapter];

/** One adapter per kind of referral, as configured. Throws ConfigError naming every wrong setting. */
export function createAdapters(
  choices: Record<ReferralKind, AdapterChoice>,
  context: { mode: 'local' | 'production'; delivery: DeliverySettings },
): Record<ReferralKind, ReferralAdapter> {
  const problems: string[] = [];
  const adapters: Partial<Record<ReferralKind, ReferralAdapter>> = {};
  for (const kind of REFERRAL_KINDS) {
    const { envPrefix } = KIND_INFO[kind];
    const factory = FACTORIES.find((candidate) => candidate.name === choices[kind].name);
    if (!factory) {
      problems.push(
        `${envPrefix}_ADAPTER: "${choices[kind].name}" is not an adapter; choose one of ${FACTORIES.map((f) => f.name).join(', ')}`,
      );
      continue;
    }
    try {
      adapters[kind] = factory.create(choices[kind].settings, {
        kind,
        variablePrefix: `${envPrefix}_${factory.name.toUpperCase()}_`,
        mode: context.mode,
        timeoutMs: context.delivery.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return adapters as Record<ReferralKind, ReferralAdapter>;
}
