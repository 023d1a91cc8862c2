/**
 * unverified-unsaid: a doubt written only in the body is easy to miss on a card; the `unverified:` front
 * matter puts a warning line at the top of the card. And a contact marked `verified: false` must say, in
 * its `note`, what is still to be checked, or nobody knows how to verify it.
 */
import type { Finding, PackContent, PackRule } from '../finding';
import { HEDGES } from '../tables';
import { sentencesOf } from '../text';

export const unverifiedUnsaid: PackRule = (pack) => [...hedgedAnswers(pack), ...unexplainedContacts(pack)];

const hedgedAnswers = (pack: PackContent): Finding[] =>
  pack.answers
    .filter((answer) => answer.unverified === undefined)
    .flatMap((answer) => {
      const hedged = sentencesOf(`${answer.summary}\n${answer.body}`).find((sentence) => HEDGES.some((hedge) => hedge.test(sentence)));
      if (!hedged) return [];
      return [
        {
          severity: 'error',
          file: answer.file,
          rule: 'unverified-unsaid',
          message: `the text says "${hedged}" but the answer has no "unverified:" line, so the card shows no warning: add "unverified: <what could not be confirmed>" to the front matter.`,
        } satisfies Finding,
      ];
    });

const unexplainedContacts = (pack: PackContent): Finding[] =>
  pack.contacts
    .filter((contact) => !contact.verified && !contact.note?.trim())
    .map((contact) => ({
      severity: 'error',
      file: 'contacts.yaml',
      rule: 'unverified-unsaid',
      message: `contact "${contact.id}" is marked verified: false but has no note: add a note saying what to check, and where (e.g. "check the number on the council's live page").`,
    }));
