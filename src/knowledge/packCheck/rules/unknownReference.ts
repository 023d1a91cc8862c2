/**
 * unknown-reference: every id a file names must exist, or a card would show nothing (or crash) where a
 * contact or an answer should be; and every glossary phrase must use words the pack contains, or the
 * glossary silently expands questions into words no answer has.
 */
import { stemOf } from '../../searchQuery';
import type { Answer } from '../../schema';
import type { Finding, PackContent, PackRule } from '../finding';
import { contentWordsOf } from '../text';

const CONTACT_KEYS = ['frontDoorContact', 'outOfHoursContact', 'emergencyContact'] as const;

export const unknownReference: PackRule = (pack) => [...unknownContacts(pack), ...unknownAnswers(pack), ...unknownGlossaryWords(pack)];

function unknown(file: string, message: string): Finding {
  return { severity: 'error', file, rule: 'unknown-reference', message };
}

function unknownContacts(pack: PackContent): Finding[] {
  const ids = new Set(pack.contacts.map((contact) => contact.id));
  const fix = 'add it to contacts.yaml or correct the id';
  const inAnswers = pack.answers.flatMap((answer) =>
    answer.contacts.filter((id) => !ids.has(id)).map((id) => unknown(answer.file, `contacts: "${id}" is not in contacts.yaml: ${fix}.`)),
  );
  const inPackInfo = CONTACT_KEYS.filter((key) => !ids.has(pack.info[key])).map((key) =>
    unknown('pack.yaml', `${key}: "${pack.info[key]}" is not in contacts.yaml: ${fix}.`),
  );
  return [...inAnswers, ...inPackInfo];
}

function unknownAnswers(pack: PackContent): Finding[] {
  const ids = new Set(pack.answers.map((answer) => answer.id));
  return pack.info.suggestedTopics
    .filter((id) => !ids.has(id))
    .map((id) => unknown('pack.yaml', `suggestedTopics: "${id}" is not an answer id: use the id of a file in answers/ (its name without .md).`));
}

/**
 * A phrase leads nowhere when none of its words is in any answer. Some words may be missing ("year 7": the
 * pack never writes "7" alone) and the phrase still helps search, so only a phrase with no word at all counts.
 */
function unknownGlossaryWords(pack: PackContent): Finding[] {
  const known = stemsOf(pack.answers);
  return pack.glossary.flatMap((entry) =>
    entry.means
      .filter((phrase) => !contentWordsOf(phrase).some((word) => known.has(stemOf(word))))
      .map((phrase) =>
        unknown('glossary.yaml', `"${entry.term}" means "${phrase}", but no answer contains any of those words: use words the answers use, or remove the phrase.`),
      ),
  );
}

/** Every word the search index holds, stemmed as Lunr stems it. */
function stemsOf(answers: Answer[]): Set<string> {
  const stems = new Set<string>();
  for (const answer of answers) {
    const text = [answer.title, answer.questions.join(' '), answer.tags.join(' '), answer.summary, answer.body].join(' ');
    for (const word of contentWordsOf(text)) stems.add(stemOf(word));
  }
  return stems;
}
