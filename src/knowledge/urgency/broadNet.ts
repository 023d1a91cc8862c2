/**
 * The broad net: urgency from categories of meaning rather than from named phrasings. A message is urgent
 * today when it describes a particular child, something harmful (an act of harm, an injury, sexual content,
 * a weapon, a dangerous state, or fear of an adult), and either a sign that it is current ("this morning",
 * "picks her up") or that someone told or saw it ("says", "showed me"). Each round of new phrases for the
 * named situations did not carry over to new wording; categories with large vocabularies do, because new
 * wording mostly reuses the same kinds of words.
 *
 * It runs only on messages that framing.ts judged to be about a real situation (not procedure, a hypothetical,
 * or a resolved past matter), and only when no named situation (with its better reason) matched.
 */
import { findConcepts, NEGATABLE, type Concept, type ConceptHits } from './concepts';
import { describesParticularChildHarm, namesParticularChild } from './concreteCase';
import { isNegatedAt } from './negation';

/** What makes something harmful; fear counts only with an adult who could cause it. */
const HARMFUL: Concept[] = ['harmAct', 'injury', 'sexual', 'weapon', 'danger'];
/** An injury seen happen in a game or lesson is an accident, not a story of harm. */
const WITNESSED_ACCIDENT =
  /(?<!\w)(?:(?:from|in|during|at) (?:pe|rugby|football|netball|hockey|the match|a match|games|the playground|playtime|break ?time|forest school)|happened in the (?:match|game|lesson)|(?:saw|seen|witnessed) (?:it|it happen|the accident|him fall|her fall|them fall)|accident book|(?:twisted|sprained|tripped|slipped|fell (?:over|off))[^.]{0,40}(?:at|in|during|on) (?:lunch|break|play|playtime|pe|school|the playground|the field|the trip)|first aid(?:er)? (?:saw|treated|dealt)|fell (?:off|over) (?:in|at|during) )(?!\w)/;

/**
 * Harm between children of the same age (a playground fight) is for the behaviour policy, unless it comes with
 * an injury, a weapon or sexual content; so is a story, film or lesson about harm; and so is a hungry child who
 * is dieting or fasting.
 */
const PEER = /(?<!\w)(?:another (?:boy|girl|child|pupil|student|kid|lad)|other (?:kids|boys|girls|children|pupils|students)|each other|a fight|fighting|scrap)(?!\w)/;
const NOT_REAL_HARM =
  /(?<!\w)(?:(?:story|film|book|video|play|documentary|article|news|case study) (?:about|on|where)|diet\w*|fasting|ramadan)(?!\w)/;
/** Idioms that use harm words for something else; they are blanked out before the categories are found. */
const IDIOMS = new RegExp(
  `(?<!\\w)(?:${[
    '(?:beat|beats|beaten|beating|thrashed|destroyed|hammered) (?:him|her|them|me|us) (?:at|in) \\w+', 'hit (?:the roof|it off|the ground running|the books)', 'killing it', 'dying to', 'kill for',
    '(?:hurt|cut|burnt|burned|bit) (?:herself|himself|themselves|myself) (?:playing|in|at|on|during)',
    '(?:low|high|full|good|bad|top|poor|pass|extra|bonus|exam|test|mock|sats) marks?', 'marks? (?:in|on|for) (?:the |her |his |their |a )?(?:\\w+ )?(?:test|exam|mock|homework|sats|assessment|essay|coursework)',
    'hair ?cut', 'cut (?:his|her|their) hair', 'paper cut', 'power cut', 'cut (?:out|off from|from the team|in line)', 'short ?cut', '(?:budget|funding) cuts?',
    'nose ?bleed\\w*', 'nose (?:is )?bleeding', 'blood (?:test|sugars?|pressure)', '(?:cricket|rounders|tennis|table tennis|ping pong) bats?', 'bats? and balls?', 'seat ?belts?',
    '(?:shook|shake|shaking) hands', 'kick(?:ed|s|ing)? off', 'sexual health', 'sexuality', 'sex education', 'sex ed', 'relationships and sex',
    '(?:twisted|sprained|hurt|banged|bumped|cut|grazed|scraped) (?:her|his|their|my) (?:ankle|knee|knees|wrist|head|elbow|back|toe|finger|leg|arm|hand|lip|chin)',
    '(?:dog|dogs|cat|cats|puppy|kitten|hamster|pet|horse|pony|rabbit) (?:bit|bites|scratched|scratches|attacked|jumped on|knocked)',
    '(?:in|keep in|get in|be in|stay in|kept in|getting in) touch', 'touch (?:base|wood)', 'touched by',
    '(?:she|he|they|girl|boy) (?:was|were|got|is|are|gets|get) (?:really |very |so )?(?:drunk|high|stoned|wasted|hammered|smashed)',
    '(?:knife|knives|weapons?|gun) (?:crime|awareness|amnesty|arch|safety)', '(?:kitchen|food tech\\w*|cooking|butter|plastic|toy) (?:knife|knives)', 'threw (?:a|the) (?:chair|table|book|pen|ball)',
  ].join('|')})(?!\\w)`,
  'g',
);

const DIRECT_HARM: Concept[] = ['harmAct', 'injury', 'sexual', 'weapon'];
/** With only an adult named and no time word, sexual words alone are too often a question about policy. */
const PHYSICAL_HARM: Concept[] = ['harmAct', 'injury', 'weapon'];
/** Present and present-perfect narration: "is trying", "has grabbed", "keeps hitting", "won't let her". */
const PRESENT_STORY = /(?<!\w)(?:(?:is|are|'s|has|have|'ve|keeps?|been) (?:\w+ing|\w+ed|got|taken|took|made|left|gone|come)|won'?t let)(?!\w)/;

export interface BroadNetVerdict {
  /** The categories that together made the message urgent, for the reason sentence and tests. */
  found: Concept[];
}

/** Concepts with at least one occurrence that is not negated ("no marks" does not count as a mark). */
function present(message: string, hits: ConceptHits): Set<Concept> {
  const kept = new Set<Concept>();
  for (const [concept, offsets] of hits) {
    if (!NEGATABLE.has(concept) || offsets.some((offset) => !isNegatedAt(message, offset))) kept.add(concept);
  }
  return kept;
}

/**
 * The sender asks whether what they saw is a concern at all ("is this normal for 5?", "is it sexual
 * harassment", "is that a safeguarding thing"): without a named situation, that doubt is the question.
 */
const ASKS_IF_CONCERN = new RegExp(
  `(?<!\\w)(?:is|are|was|would) (?:this|that|it|these|they) (?:\\w+ )?(?:normal|typical|usual|ok|okay|alright|age[- ]appropriate|expected|appropriate|a safeguarding|safeguarding|a concern|concerning|our problem|our business|harassment|sexual harassment|bullying|banter|abuse|just|hsb|harmful|harmful sexual behaviour|child[- ]on[- ]child|peer[- ]on[- ]peer|something to worry about|worrying|serious)(?!\\w)|(?<!\\w)(?:does|do|would|could) (?:this|that|it|these) (?:still )?count as(?!\\w)`,
);
/**
 * Sexual content between children of an age (two year 3 boys, skirts pulled up, a nude passed round a year
 * group) is for the school's child-on-child procedures unless an adult, an injury or a weapon is in it.
 */
const PEER_SEXUAL = new RegExp(
  `(?<!\\w)(?:each other'?s?|two (?:year \\d+ )?(?:boys|girls|pupils|students|children|kids)|other (?:boys|girls|pupils|students)|classmates?|(?:his|her) (?:girlfriend|boyfriend)|year group|round the (?:school|year)|other (?:kids|children)|(?:a |the |class |year )?group ?chats?|going (?:a)?round|(?:shared|sent) (?:a)?round|skirts? up|(?:girls|boys)'? (?:bums?|bottoms?|bra straps?))(?!\\w)`,
);
/** An adult in the story, which makes sexual content between children a matter for the front door. */
const ADULT_INVOLVED =
  /(?<!\w)(?:man|men|adults?|older|grown|dad|stepdad|uncle|cousin|stranger|teacher|coach|staff|caretaker|tutor|volunteer|(?:1[89]|[2-9]\d) year old|who'?s (?:1[89]|[2-9]\d))(?!\w)/;
/**
 * What makes sexual content between children more than child-on-child: coercion, threats to share more
 * (sextortion), a child re-enacting what an adult does, an adult's age or an adult partner or his mates.
 */
const NOT_PEERS = new RegExp(
  `(?<!\\w)(?:forced|forcing|force[sd]?|made (?:him|her|them|a|an|the|me)|mak(?:e|es|ing) (?:him|her|them)|suck\\w*|send (?:more|another|them more)|(?:they'll|they will|will|going to|gonna|threaten\\w*(?: to)?) (?:send|share|post|show) (?:them|it|the (?:pics|pictures|photos|videos|nudes))|that'?s what|is (?:1[89]|[2-9]\\d)|who'?s (?:1[89]|[2-9]\\d)|(?:1[89]|[2-9]\\d)(?: |-)?(?:year|yr)s?(?: |-)?old|aged (?:1[89]|[2-9]\\d)|partner|(?:mum|mummy|mom|mam|mother|nan|gran)'?s (?:boyfriend|partner|bf|fella|husband)|\\w+'s mates?|blackmail\\w*)(?!\\w)`,
);
/** "two year 4 boys ... a year 1 girl": two or more school years apart is not between children of an age. */
function yearGap(message: string): number {
  const years = [...message.matchAll(/(?<!\w)year (\d{1,2})(?!\w)/g)].map((match) => Number(match[1]));
  return years.length < 2 ? 0 : Math.max(...years) - Math.min(...years);
}
function notBetweenPeers(message: string): boolean {
  return NOT_PEERS.test(message) || yearGap(message) >= 2;
}
/** Self-harm that needs medical care today, or a carer who will not get it, is not the routine self-harm answer. */
const SERIOUS_SELF_HARM =
  /(?<!\w)(?:deep|still bleeding|won'?t stop bleeding|bleeding through|stitch\w*|infected|swallowed|overdose\w*|took (?:a lot of|loads of|a load of) (?:pills|tablets|paracetamol)|(?:refuses?|refused|won'?t|will not|wouldn'?t) (?:to )?take (?:her|him|them) to (?:the )?(?:gp|doctor|hospital|a&e|doctors))(?!\w)/;
/** A child's own self-harm, without words of despair, is for the self-harm answer, not a same-day call. */
const OWN_SELF_HARM = /(?<!\w)(?:self[- ]?harm\w*|cutting (?:herself|himself|themselves)|(?:does|did|do) it to cope|harming (?:herself|himself|themselves))(?!\w)/;

export function broadNet(message: string): BroadNetVerdict | null {
  if (NOT_REAL_HARM.test(message)) return null;
  const found = present(message, findConcepts(message.replace(IDIOMS, ' ')));
  // "is this normal?" stays a question unless an adult harms a named child, the child is hurt, or the child
  // was in danger at a stated time ("she slept in the shed last night").
  const harmedByAdult =
    describesParticularChildHarm(message) &&
    ((namesParticularChild(message) && (found.has('harmer') || found.has('injury') || found.has('weapon'))) ||
      (found.has('danger') && found.has('immediacy')));
  if (ASKS_IF_CONCERN.test(message) && !harmedByAdult) return null;
  // "her dad makes her sleep in the shed": a pronoun with an adult who harms her is a particular child too.
  const child = found.has('child') || namesParticularChild(message) || (found.has('harmer') && describesParticularChildHarm(message));
  if (!child) return null;
  const harmful = HARMFUL.filter((concept) => found.has(concept));
  const fearOfAdult = found.has('fear') && found.has('harmer');
  if (harmful.length === 0 && !fearOfAdult) return null;
  // A story told in the present ("has grabbed", "is trying to", "keeps hitting") is happening now, and a named
  // adult who may harm makes a harm story about a real child worth a same-day call even without a time word.
  // Only for direct harm (not a "dangerous state" such as travel or absence, which needs a time word), and never
  // for an accident.
  const directHarm = DIRECT_HARM.some((concept) => found.has(concept)) && !/(?<!\w)accident(?:al|ally)?(?!\w)/.test(message);
  const physicalHarm = directHarm && PHYSICAL_HARM.some((concept) => found.has(concept));
  const current = found.has('immediacy') || found.has('disclosure') || (directHarm && PRESENT_STORY.test(message)) || (physicalHarm && found.has('harmer'))
    // Sexual content with an adult's age, coercion or threats is an offence against the child whenever it happened.
    || (found.has('sexual') && notBetweenPeers(message));
  if (!current) return null;
  if (PEER.test(message) && harmful.every((concept) => concept === 'harmAct')) return null;
  const noAdult = !ADULT_INVOLVED.test(message) && !found.has('weapon') && !found.has('injury');
  if (PEER_SEXUAL.test(message) && noAdult && !notBetweenPeers(message) && harmful.every((concept) => concept === 'sexual' || concept === 'harmAct')) return null;
  if (OWN_SELF_HARM.test(message) && !SERIOUS_SELF_HARM.test(message) && harmful.every((concept) => concept === 'injury' || concept === 'harmAct')) return null;
  if (WITNESSED_ACCIDENT.test(message) && !found.has('harmAct') && !found.has('sexual')) return null;
  return { found: [...found] };
}
