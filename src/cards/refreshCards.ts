/**
 * What a refreshed card shows a person who may not see it (a forwarded receipt, a forged refresh, someone
 * who has left the school): one neutral card, the same whether the referral or update exists or not, so a
 * refresh never tells anyone more than `status REF` would.
 */
import { renderCard, type AdaptiveCardJson } from './renderCard';
import unavailableTemplate from './templates/cardUnavailable.json';

export function referralUnavailableCard(): AdaptiveCardJson {
  return renderCard(unavailableTemplate, {
    title: 'Referral not available',
    text: 'I can’t show this referral here. In your personal chat with me, type status and a reference to see referrals from your own school that you are allowed to see.',
  });
}

/** The `status` list or the inbox, refreshed for someone who has none: the sentence `status` or `inbox` would give. */
export function listUnavailableCard(sentence: string): AdaptiveCardJson {
  return renderCard(unavailableTemplate, { title: 'Not available', text: sentence });
}

export function reportUnavailableCard(): AdaptiveCardJson {
  return renderCard(unavailableTemplate, {
    title: 'Report not available',
    text: 'I can’t show this delivery report. Reports are for the update’s author and early-help staff.',
  });
}
