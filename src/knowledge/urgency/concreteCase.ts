/**
 * A concrete harm to a particular child outweighs the way a message is framed. "who do I report to? girl in 4B
 * says her stepdad burns her" asks a procedural question, but it also describes a real child being hurt, and a
 * missed same-day case is far worse than a false alarm. framing.ts and broadNet.ts use this to keep their
 * "it's only a question" vetoes for messages that describe no particular child's harm.
 */
import { findConcepts, NEGATABLE, type Concept } from './concepts';
import { isNegatedAt } from './negation';

/** Whole words; look-arounds rather than \b, which V8 compiles far more slowly (see situations.ts). */
const rx = (...alternatives: string[]) => new RegExp(`(?<!\\w)(?:${alternatives.join('|')})(?!\\w)`);

const CHILD_NOUN = '(?:girl|boy|lad|child|kid|pupil|student|son|daughter|toddler|baby)';
/** A particular child: "girl in 4b", "a year 10 girl", "the 7 year old", "she says", "the kids", "her son". */
const PARTICULAR_CHILD = rx(
  `${CHILD_NOUN} in (?:year \\d+|reception|nursery|my class|class \\w+|\\d{1,2}[a-z]{1,2})`,
  `(?:a|the|our|my|one|this) (?:year \\d+|reception|nursery|\\d{1,2} year old|\\d{1,2}[a-z]{1,2})(?: ${CHILD_NOUN})?`,
  `year \\d+ ${CHILD_NOUN}`,
  "(?:she|he)(?:'s| is| was| has| had| says| said| told| slept| came| keeps| gets| got| cries| cried)",
  `the (?:kids|children|little ones)`, `(?:her|his|our|my) (?:little ones|${CHILD_NOUN}s?)`,
  '(?:is|are) (?:meeting|picking up|collecting|taking) (?:her|him|them)', '(?:texting|messaging|telling|asking|getting) (?:her|him) to',
);
/** Said of the person described: an adult ("she's 19"), for whom the child-harm override does not apply. */
const ADULT_SUBJECT = /(?<!\w)(?:she|he|they)(?:'s| is| are|'re) (?:1[89]|[2-9]\d)(?! ?months?)(?!\w)/;
const PARENT_ASKING = /(?<!\w)(?:a |the |her |his )?(?:mum|dad|mother|father|parent|carer|grandparent|nan|gran|grandad) (?:is|was|has been) (?:asking|wanting to know|ringing)(?!\w)/g;
/** Harm done to a child's body; sexual content or a dangerous state counts with a harmer or a time as well. */
const BODILY_HARM: Concept[] = ['harmAct', 'injury', 'weapon'];
const CONTEXTUAL_HARM: Concept[] = ['sexual', 'danger'];
const WHEN = /(?<!\w)(?:since|tonight|today|tomorrow|next (?:week|month)|last night|(?:this|next) (?:weekend|week))(?!\w)/;
/** A particular child without a pronoun ("girl in 4b", "the 7 year old"): enough for the broad net's child. */
const NAMED_CHILD = rx(
  `${CHILD_NOUN} in (?:year \\d+|reception|nursery|my class|class \\w+|\\d{1,2}[a-z]{1,2})`,
  `(?:a|the|our|my|one|this) (?:year \\d+|reception|nursery|\\d{1,2} year old|\\d{1,2}[a-z]{1,2}) ${CHILD_NOUN}`,
);

/** True when the message points at one particular child by class or age ("girl in 4b", "a year 10 girl"). */
export function namesParticularChild(message: string): boolean {
  return NAMED_CHILD.test(message);
}

/**
 * True when the story names a particular child (not an adult) and a harm to them that is not negated. `whole`
 * is the message with its asking clause ("is it grooming if ..."): a harm named only there needs a time in the
 * story to count ("...is meeting her after school"), since the family or a partner is in most such questions.
 */
export function describesParticularChildHarm(story: string, whole: string = story): boolean {
  if (!PARTICULAR_CHILD.test(story)) return false;
  if (ADULT_SUBJECT.test(story) && !new RegExp(`(?<!\\w)(?:year \\d+|${CHILD_NOUN})(?!\\w)`).test(story)) return false;
  const inStory = conceptsIn(story);
  if (BODILY_HARM.some((concept) => inStory.has(concept))) return true;
  const timed = inStory.has('immediacy') || WHEN.test(story);
  if ((timed || inStory.has('harmer')) && CONTEXTUAL_HARM.some((concept) => inStory.has(concept))) return true;
  const named = conceptsIn(whole);
  return timed && [...CONTEXTUAL_HARM, ...BODILY_HARM].some((concept) => named.has(concept));
}

/** Concepts with an occurrence that is not negated; a parent asking on a child's behalf is not the harmer. */
function conceptsIn(text: string): Set<Concept> {
  const story = text.replace(PARENT_ASKING, ' ');
  const found = new Set<Concept>();
  for (const [concept, offsets] of findConcepts(story)) {
    if (!NEGATABLE.has(concept) || offsets.some((offset) => !isNegatedAt(story, offset))) found.add(concept);
  }
  return found;
}
