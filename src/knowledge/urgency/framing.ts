/**
 * How a message frames what it describes. A situation only makes a message urgent when it is about a real
 * child now: "what is our FGM duty" and "what if a child tells me..." are questions about procedure,
 * and "last year a child disclosed..., how do I record it now" is a past, resolved matter. Both still get
 * their answer; they just do not get the urgent banner.
 */

import { describesParticularChildHarm } from './concreteCase';

/** Whole words; look-arounds rather than \b, which V8 compiles far more slowly (see situations.ts). */
const rx = (...alternatives: string[]) => new RegExp(`(?<!\\w)(?:${alternatives.join('|')})(?!\\w)`);

/** A question asked in general, or about an imagined case. */
const HYPOTHETICAL = rx(
  'what if', 'what happens if', 'what (?:do|should|would) (?:i|we|you|staff) do if', 'if (?:a|an|the|one of (?:my|our)|my|our) (?:\\w+ ){0,2}(?:child|children|pupil|pupils|student|students|young person|girl|boy|kid|baby|parent|member of staff|teacher)',
  // "is it forced marriage if she has agreed": asks where the line is, not what happened.
  "is it (?:still )?(?:forced marriage|fgm|abuse|neglect|grooming|exploitation|cse|cce|hsb|harassment|sexual harassment|domestic abuse|a safeguarding (?:issue|concern|matter)|safeguarding) if",
  'suppose', 'supposing', 'hypothetical\\w*', 'scenario', 'say a (?:child|pupil|student)', 'when (?:a|an) (?:\\w+ ){0,3}(?:child|pupil|student|young person|girl|boy|parent|teacher|member of staff)',
  'in case', 'should (?:a|the) (?:child|pupil|student) (?:ever )?(?:tell|say|disclose)', 'imagine',
  // "if we suspected a pupil was...", "if I thought a child...": a suspicion imagined by the asker.
  'if (?:we|i|you|staff|a teacher|a member of staff) (?:ever )?(?:suspect\\w*|think|thought|believe[ds]?|are worried|were worried|have concerns|had concerns|notice[ds]?|saw|see|found|find|hear[ds]?|heard|got|get|receive[ds]?|learn\\w*|discover\\w*)',
);
/** Asking how the system works: duties, definitions, training, thresholds, forms. */
const PROCEDURAL = rx(
  'what (?:is|are) (?:our|the|my|a|an) (?:\\w+ ){0,3}(?:duty|duties|procedure|process|policy|responsibilit\\w*|rules?|law|guidance|threshold|timescale|steps?)',
  'how (?:do|should|would|can|does) (?:i|we|you|staff|schools?|one|a school)(?!\\w)', 'what counts as', 'what (?:should|do|must) (?:i|we|staff|schools?) (?:do|look for|record)',
  'training', 'policy', 'policies', 'procedures?', 'guidance on', 'signs of', '(?:what are|what would be|are there) (?:the )?(?:signs|red flags) (?:that|a|an|to)', 'warning signs', 'indicators', 'definition', 'define', 'timescales?', 'threshold for',
  'explain (?:the|what|how|why|when)', "what (?:does|do) (?:[\\w']+ ){1,5}mean", 'what is meant by', 'meaning of', 'who (?:do|should|would) (?:i|we) report (?:it |this |that )?to', 'examples? of', 'legal duty', 'mandatory reporting', 'statutory', 'who (?:do|should) (?:i|we) (?:tell|contact|ring|call|refer to)', 'prevention', 'awareness', 'assembly',
  '(?:at )?what age', '(?:contact|phone|telephone) (?:number|details)', 'number for', 'email address', '(?:is|are) asking (?:me |us )?(?:how|whether|what|where|if|about)', 'how old (?:does|do|should|must|can)', 'lesson', 'curriculum', 'pshe', 'inset', 'course', 'webinar', 'leaflet', 'poster', 'resources?',
);
/** Clear signs that a particular child is being described now, strong enough to outweigh "what if". */
const REAL_CASE_NOW = rx(
  'today', 'tonight', 'this (?:morning|afternoon|evening|lunchtime|lunch|break)', 'right now', 'at the moment', 'at (?:half (?:past )?)?\\d{1,2}(?:[.:]\\d{2})?(?: ?[ap]m)?',
  'just (?:told|disclosed|said|come|came|found|seen|saw|noticed|turned|walked|rang|called|got|been|showed|arrived|left|taken|took|messaged)',
  "(?:i|we)(?:'ve| have)? (?:got|have) (?:a|an|one) (?:[\\w']+ ){0,3}(?:child|boy|girl|pupil|student|lad|kid|year \\d+|\\d+ year old|family|baby|toddler|sibling|brother|sister)", "(?:i|we)(?:'ve| have) just", 'one of (?:our|my)', 'my (?:pupil|student|tutee|class)', 'in my (?:class|form|tutor group)',
  '(?:has|have|had) (?:just )?(?:told|disclosed to) (?:me|us)', 'told me', 'came in', 'turned up',
);
/** Weaker signs of a real child, enough to show that a question about procedure is about an actual case. */
const REAL_CASE = rx(
  'told', 'tells me', 'disclosed', 'made a disclosure', 'showed', 'noticed', 'found', 'saw', 'seen', 'this (?:child|boy|girl|pupil|student|lad|kid|family|baby)',
  'year \\d+ (?:boy|girl|lad|pupil|student|child|kid)', '(?:a|one|our|my) year \\d+', "(?:he|she|they)(?:'s| is| has| was| says| said| told| won't| can't| doesn't| didn't| keeps| came| seems)",
  'yesterday', 'last night', 'again',
);
/** The matter is over: past events already dealt with, or from long ago. */
const RESOLVED = rx(
  'last (?:year|term|month|school year|academic year)', '(?:\\d+|a|one|two|three|four|five|six|several|few|many|couple of) (?:years?|months?|terms?) ago', 'years ago', 'historic\\w*',
  'at (?:my|our|her|his|a) (?:last|previous|old|former) school', 'previous school', 'in the past',
  '(?:was|were|has been|have been|had been|got|already been) (?:already )?(?:referred|reported|dealt with|resolved|sorted|closed|investigated|followed up|handled)',
  'already (?:referred|reported|rang|called|phoned|spoke|dealt|made a referral)', 'no longer (?:lives|living|at|in|has contact|in contact)', 'former (?:partner|boyfriend|pupil)',
  'when (?:she|he|they) (?:was|were) (?:little|younger|small|a baby|in (?:year|reception|nursery|primary))', 'ex-pupil', 'case (?:was )?closed', 'in (?:19|20)\\d\\d', "nfa'?d",
  'how (?:do|should|would) (?:i|we) (?:record|write (?:it |this )?up|log|file)',
  'back in (?:year \\d+|reception|nursery|primary|(?:19|20)\\d\\d)', '(?:was|were|has been|got) (?:convicted|jailed|sent to prison|imprisoned)', "(?:is|'s|are) (?:now )?in prison",
  "(?:it's|its|it is|all|everything(?:'s| is)?|now) (?:been )?(?:sorted|resolved|dealt with|fine now|ok now)", 'just (?:logging|recording|noting|letting you know|for the record|fyi)', 'for the record',
  "(?:she|he|they)(?:'s| is| are|'re) (?:now )?doing (?:fine|well|ok|okay|great)",
);
/** Harm when the child was young, by an adult now out of their life: a disclosure to pass on, not a same-day risk. */
const LONG_AGO = rx('when (?:she|he|they) (?:was|were) (?:\\d+|aged \\d+|little|younger|small|a baby|in (?:year|reception|nursery|primary))', '(?:\\d+|several|many|a few|two|three|four|five) years ago', 'years ago');
const HARMER_GONE = rx(
  '(?:has|have|had) no contact', 'no contact (?:now|since|for)', 'no longer (?:has contact|in contact|sees|lives|living)', "(?:doesn't|does not|don't|do not) see (?:him|her|them)", "(?:is|'s) (?:now )?in prison", '(?:has |have )?(?:died|passed away|moved abroad)', '(?:split|separated|divorced) (?:up )?(?:years|ages|a long time)',
);
const LIVE_AGAIN = rx('again', 'right now', 'still (?:sees|seeing|in contact|lives|living|there|at home|hitting|happening|visits|comes)', 'back in contact', 'turned up', 'this (?:morning|afternoon|week)', 'tonight');
/** Signs that something is live now, which outweigh a resolved-sounding phrase. */
const STILL_LIVE = rx(
  'today', 'tonight', 'this (?:morning|afternoon|evening)', 'right now', 'just now', 'is now', 'at the moment', 'currently', 'again', 'still (?:there|at home|living|lives|hitting|happening|missing|going on|in contact|seeing|comes|coming)', 'home time', 'at \\d{1,2}(?:[.:]\\d{2})?',
  'tomorrow', 'this week', 'yesterday', '(?:at|over|this) the weekend', 'this weekend', 'since (?:then|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)', 'has been (?:\\w+ing)', 'last night', 'just (?:told|disclosed|said|come|came|found|seen|saw|noticed)', 'picking (?:him|her|them) up',
);

/**
 * The front door already has it: a strategy discussion held, a safety plan in place, the child placed safely.
 * Stronger than "yesterday" ("following up on yesterday: ... he's with his aunt under a safety plan"), so only
 * a new event outweighs it.
 */
const SETTLED = rx(
  'safety plan', 'strategy (?:discussion|meeting)s? (?:has been |have been |was |were )?(?:done|held|had|happened|took place|completed)', '(?:had|done|held) (?:a|the) strategy (?:discussion|meeting)',
  '(?:already|have already|has already|had already) (?:done|had|held|been|referred|reported|under|known|open|involved|with|spoke|spoken|rang|called)', 'placed with', '(?:is|are) (?:now )?(?:safe|settled)(?! to)',
  '(?:police|social worker|social care|mash|front door) (?:have|has|had) (?:arrested|been out|visited|spoken|seen|taken|already)', 'following up on', 'update on', 'case (?:is |was )?closed', 'unfounded', 'nfa(?:\'?d)?',
  'no further action', "(?:it's|its|it is|all|everything(?:'s| is)?) (?:been )?(?:sorted|resolved|dealt with)", 'just (?:logging|recording|noting)', 'for the record',
  // The police came to the incident, so the front door hears of it from them (Operation Encompass).
  'police (?:were |was |have been |had been |got )?(?:called out|came out|attended|involved)',
);
/** Something has happened again since it was dealt with. */
const NEW_EVENT = rx(
  'again', 'right now', '(?:is|are) (?:hitting|hurting|beating|attacking)', 'another', 'new (?:bruise|bruises|mark|marks|injury|injuries|disclosure|allegation|concern)', 'now (?:says|saying|has|is)', 'this morning', 'today', 'tonight', 'just (?:told|said|disclosed|come|came|found|seen|saw)',
);

/**
 * The harmer is coming back or new harm has happened since: released, bailed, moving in, staying over this
 * weekend, still has the sibling, the child is scared to go home, or has come in with a new injury.
 */
const RETURNING_RISK = rx(
  '(?:been |being |is |was )?(?:released|bailed)', 'out (?:of prison|on licence)', 'on licence', '(?:gets|getting|get|got|comes|coming) out', 'coming (?:home|back|round|for)',
  '(?:is |are )?back (?:living|home|in the house|at home|with)', 'moving (?:back )?in', 'staying (?:over|with)', '(?:this|next|every|each) (?:weekend|week)', 'weekends',
  'tomorrow', 'tonight', '(?:on|this|next|every) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'still (?:has|have|sees|looks after|babysits)',
  '(?:scared|terrified|frightened|afraid) (?:to go|of going) home', '(?:has |have |had )?(?:come|came) in (?:today |this morning )?with', 'told me at (?:lunch|break|playtime|dinner)[^.?!]{0,60}(?:last night|this morning|yesterday|at the weekend)',
  'keeps (?:texting|messaging|calling|ringing|coming|asking|turning up)',
);

/** Every asking clause, to set them aside and read the story around them. */
const HYPOTHETICAL_EVERYWHERE = new RegExp(HYPOTHETICAL.source, 'g');

export type Framing = 'situation' | 'procedural' | 'hypothetical' | 'resolved';

/** Decides whether a normalised message describes a live situation or frames it some other way. */
/**
 * "if a kid told me they were being hurt" imagines a disclosure: the "told me" inside that clause is part of
 * the question, not a sign of a real child, so the clause is set aside before looking for those signs.
 */
const IMAGINED_DISCLOSURE = new RegExp(
  `(?<!\\w)(?:if|when|say|suppose|supposing|imagine)(?: that)? (?:a|an|the|one of (?:my|our)|my|our|your|any) (?:[\\w']+ ){0,2}?(?:child|children|pupil|pupils|student|students|young person|girl|boy|kid|kids) (?:ever )?(?:told|tells|tell|said|says|disclosed|discloses|was to (?:tell|say)|were to (?:tell|say))(?:(?! but | and then )[^,.?!;])*`,
  'g',
);

export function framingOf(message: string): Framing {
  const outsideImaginedDisclosure = message.replace(IMAGINED_DISCLOSURE, ' ');
  // A concrete harm to a particular child outweighs "who do I report to" or "is it abuse if" around it.
  // The asking clause itself ("is it forced marriage if") names a category, not a harm that happened: it counts
  // only with a time in the story ("...the wedding is next week").
  const story = outsideImaginedDisclosure.replace(HYPOTHETICAL_EVERYWHERE, ' ');
  const concreteCase = describesParticularChildHarm(story, outsideImaginedDisclosure);
  if (HYPOTHETICAL.test(message) && !REAL_CASE_NOW.test(outsideImaginedDisclosure) && !concreteCase) return 'hypothetical';
  if (PROCEDURAL.test(message) && !REAL_CASE_NOW.test(message) && !REAL_CASE.test(message) && !concreteCase) return 'procedural';
  // A harmer back in the child's life, or new harm since, undoes "already dealt with" and "long ago".
  const riskReturns = RETURNING_RISK.test(message);
  if (SETTLED.test(message) && !NEW_EVENT.test(message) && !riskReturns) return 'resolved';
  if (LONG_AGO.test(message) && HARMER_GONE.test(message) && !LIVE_AGAIN.test(message) && !riskReturns) return 'resolved';
  if (RESOLVED.test(message) && !STILL_LIVE.test(message) && !riskReturns) return 'resolved';
  return 'situation';
}
