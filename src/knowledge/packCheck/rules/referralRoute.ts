/**
 * referral-route: an answer that leads to a referral must show the front door and 999 on its own card,
 * not only when the question happened to be flagged urgent (content review, December 2026).
 */
import type { Finding, PackRule } from '../finding';

export const referralRoute: PackRule = (pack) => {
  const required = [
    { id: pack.info.frontDoorContact, what: 'the front door' },
    { id: pack.info.emergencyContact, what: '999 for immediate danger' },
  ];
  return pack.answers
    .filter((answer) => answer.leadsToReferral)
    .flatMap((answer) =>
      required
        .filter(({ id }) => !answer.contacts.includes(id))
        .map(({ id, what }): Finding => ({
          severity: 'error',
          file: answer.file,
          rule: 'referral-route',
          message: `this answer leads to a referral but its card would not show ${what}: add "${id}" to its contacts.`,
        })),
    );
};
