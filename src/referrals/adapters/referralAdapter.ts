/**
 * An integration adapter delivers a stored referral to where the council works on it. One file per adapter;
 * each kind of referral is routed to one adapter by configuration (EARLY_HELP_ADAPTER, FRONT_DOOR_ADAPTER).
 *
 * The outbox calls `deliver` at least once per referral and retries after a failure or a crash, always with
 * the same idempotency key (the referral's reference): a receiver that honours the key stores it once.
 */
export { DeliveryFailure } from '../../outbox/jobHandler';
import type { ReferralForm } from '../referralForm';
import type { ReferralKind } from '../referralKinds';

/** Everything a receiver gets. Built just before sending; never stored or logged in this form. */
export interface ReferralForDelivery {
  reference: string;
  kind: ReferralKind;
  submittedAt: string;
  decisionDueAt: string;
  school: { id: string; name: string; urn: string };
  referrer: { name: string; aadObjectId: string; role: string; phone: string; email?: string };
  form: ReferralForm;
}

export interface DeliveryReceipt {
  /** The receiving system's own reference (e.g. a case number), shown to staff when it gives one. */
  receiverReference?: string;
}

export interface ReferralAdapter {
  readonly name: string;
  /** Resolves once the receiver has acknowledged the referral; throws DeliveryFailure otherwise. */
  deliver(referral: ReferralForDelivery, idempotencyKey: string): Promise<DeliveryReceipt>;
}

/** What an adapter file exports so the registry can build it from configuration. */
export interface AdapterFactory {
  name: string;
  /**
   * Builds the adapter from its settings: the variables named <KIND>_<ADAPTER>_<SETTING>, keyed by SETTING.
   * Throws ConfigError naming each variable that is missing or wrong.
   */
  create(settings: Record<string, string>, context: AdapterContext): ReferralAdapter;
}

export interface AdapterContext {
  kind: ReferralKind;
  /** Prefix of this adapter's variables, e.g. FRONT_DOOR_WEBHOOK_, for error messages. */
  variablePrefix: string;
  mode: 'local' | 'production';
  timeoutMs: number;
}
