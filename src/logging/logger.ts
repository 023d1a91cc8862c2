/**
 * The one logger. Structured JSON (pino) with redaction as a second line of defence: code must not log
 * personal data in the first place, but if a child's details ever reach a logged object under one of these
 * keys they are replaced before the line is written.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys that may carry personal data about a child or family, at any depth we log. */
const PERSONAL_KEYS = [
  'text',
  'value',
  'childName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'address',
  'postcode',
  'concern',
  'childsWords',
  'household',
  'body',
  'note',
  'form',
  'childFirstName',
  'childLastName',
  'childDateOfBirth',
  'childAddress',
  'childUpn',
  'concernWhat',
  'professionals',
  'referrerPhone',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const paths = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino({ level, redact: { paths, censor: '[redacted]' }, base: { service: 'safeguarding-assistant' } }, destination);
}
