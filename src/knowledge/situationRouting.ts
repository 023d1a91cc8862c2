/**
 * Stories about a child name the situation in everyday words ("came in with a black eye", "not been
 * collected", "2 phones and wads of cash"), while the answer that fits uses the professional term
 * (physical abuse, uncollected child, criminal exploitation). Plain word matching ranks the answer that
 * shares the most story words (mum, boyfriend, home) instead. This table recognises common situations in
 * the normalised text and adds the professional terms as strongly weighted search words.
 *
 * It routes to words, never to answer ids, so it keeps working when a council rewrites or adds answers.
 * The patterns run on the output of normaliseTeamsText: lower case, no apostrophes, "y9" → "pupil".
 */

export interface Situation {
  /** For tests and debugging only; never logged with the question. */
  name: string;
  when: RegExp;
  /** The situation does not apply when this matches too (e.g. a procedural question on the topic). */
  unless?: RegExp;
  /** Words the right answer uses for this situation, searched with SITUATION_BOOST. */
  concepts: string[];
  /**
   * True when the pattern recognises what the user asks ("do I tell mum before we refer?") rather than
   * what happened: the question decides the answer over the story around it (ASKED_BOOST).
   */
  asks?: true;
}

const STAFF = '(teacher|ta|teaching assistant|staff|supply|coach|colleague|caretaker|lunchtime supervisor|tutor|volunteer|employee|member of staff|pe teacher|deputy head|senco)';
const HEAD = '(head|headteacher|head teacher|principal|ht)';
/** Verbs of hurting a child, in every form staff write them ("pushed", "pushing", "pushes"). */
const HURT = '(hit|hits|hitting|slap\\w*|grab\\w*|push\\w*|shov\\w*|kick\\w*|punch\\w*|hurt\\w*|assault\\w*|smack\\w*|drag\\w*|threw|throw\\w*|restrained roughly|shook|shak\\w*|choke\\w*|chok\\w*|strangl\\w*|pinch\\w*|scratch\\w*|bite|biting|yank\\w*)';

export const SITUATIONS: Situation[] = [
  {
    name: 'asks whether to tell the parents',
    when: /\b(tell|telling|inform|informing|warn|let) (her|him|them|the parents?|parents?|mum|dad|the family|family|mother|father)\b[\w\s]{0,25}\b(before|first|about the referral|that (we|i) (refer|rang|called))\b|\b(do|should|must) (i|we) (have to |need to )?(tell|inform) (the )?(parents?|mum|dad|family|her|him|them)\b|\b(parents?|mum|dad) (will )?find out\b[\s\S]{0,40}\b(refer\w*|rang|called|social)\b/,
    concepts: ['telling parents', 'inform parents', 'not telling parents'],
    asks: true,
  },
  {
    name: 'asks about sharing information',
    when: /\b(share|sharing|give|giving|pass on|passing on|hand over|handing over|disclose)\b[\w\s]{0,30}\b(information|records?|details|file|data)\b|\b(asking for|asked for|request\w* for|want\w*)\b[\w\s]{0,25}\b(information|records?|details|data)\b|\b(ring|call|phone|contact|email|tell)\b[\w\s]{0,30}\b(other|another|previous|new|the) (school|secondary|primary|nursery)\b/,
    unless: /\b(what (information|details) (do|does|should)|what to include|marf|referral form)\b/,
    concepts: ['information sharing', 'share information', 'data protection'],
    asks: true,
  },
  {
    name: 'family turned down early help',
    when: /\b(parents?|mum|dad|family|carers?)\b[\w\s]{0,15}\b(said no|say no|saying no|refus\w*|declin\w*|turned down|dont want|doesnt want|wont (agree|consent|engage)|not consent\w*|withdr[ae]w\w*)\b[\w\s]{0,20}\b(early help|eha|support|help|taf|family support)\b/,
    concepts: ['declined early help', 'refused consent', 'parents refuse'],
    asks: true,
  },
  {
    name: 'asks how to write a referral that is acted on',
    when: /\b(write|writing|make|making|do|doing)\b[\w\s]{0,15}\b(good|better|strong|decent|proper)?\s?(referral|marf)\b[\w\s]{0,40}\b(act\w*|accept\w*|taken seriously|bounced|rejected|threshold|good)\b|\b(good|strong|better) referral\b|\breferrals?\b[\w\s]{0,20}\b(bounced|rejected|sent back|knocked back)\b/,
    concepts: ['what to include', 'referral', 'specific', 'impact'],
    asks: true,
  },
  {
    name: 'injury without a good explanation',
    when: /\b(black eye|bruis\w*|fingertip|finger marks|handprint|hand print|burn mark|burns?|cigarette burn|cut lip|split lip|marks? on|welts?|belt|injur\w*|swollen|scratches|bite mark)\b/,
    // A parent's own injury ("mum came in with a black eye") is a story of domestic abuse, not of the child's.
    unless: /\b(self ?harm\w*|cutting (herself|himself|themselves)|baby|babies|non mobile|not mobile|crawl\w*|infant|\d+ months? old|(mum|mother) (came in |turned up |arrived |was )?(with|has|had|has got|had got) (a )?(black eye|bruis\w*|split lip|cut lip))\b/,
    concepts: ['physical abuse', 'injury', 'injuries', 'unexplained'],
  },
  {
    name: 'a parent or carer hurts the child',
    when: /\b(dad|mum|stepfather|stepmother|mum boyfriend|mum partner|dad girlfriend|dad partner|uncle|aunt|grandparent|carer|foster carer|brother|sister)\b (hits?|hitting|beats?|beating|beat|kicks?|kicked|punch\w*|slap\w*|smack\w*|hurts?|hurting|whips?|whipped|belt\w*|batter\w*|chok\w*|strangl\w*|burnt|burned|throws things at) (her|him|them|me)\b/,
    unless: /\b(what if|what counts|signs of)\b/,
    concepts: ['physical abuse', 'injuries'],
  },
  {
    name: 'bruise on a baby',
    when: /\b(baby|babies|infant|newborn|\d+ months? old|non mobile|not mobile|cant crawl|cannot crawl|can not crawl|not crawling|not yet crawling)\b/,
    unless: /\b(baby ?sit\w*|baby brother born|new baby|pregnan\w*)\b(?![\s\S]*\b(bruis|injur|mark|burn)\w*)/,
    concepts: ['non mobile', 'baby', 'bruising', 'infant'],
  },
  {
    name: 'child afraid to go home',
    when: /\b(scared|afraid|frightened|terrified|dont want|doesnt want|does not want|refus\w*|wont)\b[\w\s]{0,20}\b(go|going|to go) home\b/,
    concepts: ['front door', 'physical abuse', 'not safe to go home'],
  },
  {
    name: 'staff member hurt or groomed a child',
    when: new RegExp(`\\b${STAFF}\\b[\\w\\s]{0,40}\\b(${HURT.slice(1, -1)}|lifts? home|messag\\w*|instagram|snapchat|texting|dm\\w*|gifts?|alone with|inappropriate\\w*|touch\\w*|relationship with)\\b`),
    unless: new RegExp(`\\b${HEAD}\\b[\\w\\s]{0,30}\\b${HURT}\\b|\\blow level\\b`),
    concepts: ['allegation', 'lado', 'staff', 'designated officer', 'position of trust'],
  },
  {
    name: 'headteacher hurt a child',
    when: new RegExp(`\\b${HEAD}\\b[\\w\\s]{0,30}\\b${HURT}\\b|\\b(allegation|complaint)\\b[\\w\\s]{0,20}\\b(about|against) (the )?${HEAD}\\b|\\ballegation\\b[\\w\\s]{0,20}\\bagainst me\\b`),
    concepts: ['headteacher', 'allegation about head', 'chair of governors', 'lado'],
  },
  {
    name: 'child missing now',
    when: /\b(gone from|searched (the|everywhere|the whole)|nowhere to be found|left the (site|building|school)|cant find|cannot find|can not find|walked out|ran off|run off|ran out|absconded|gone missing|went missing|is missing|missing (from|since)|didnt come back|did not come back|hasnt come back|not come back|disappeared)\b/,
    unless: /\b(missing education|keeps going missing|goes missing)\b/,
    concepts: ['missing', '999', 'police', 'immediate danger'],
  },
  {
    name: 'child not collected',
    when: /\b(not (been )?collected|uncollected|no one (has )?(collected|come|turned up|picked)|nobody (has )?(collected|come|turned up|picked)|not been picked up|not picked up|no one to (collect|pick))\b/,
    concepts: ['not collected', 'collected', 'out of hours', 'emergency duty team'],
  },
  {
    name: 'parent drunk or high at collection',
    when: /\b(drunk|smell\w* of (alcohol|drink|booze|weed|cannabis)|staggering|slurring|intoxicated|under the influence|high on|off (his|her|their) face|wasted)\b/,
    concepts: ['parental substance misuse', 'alcohol', 'drunk parent', 'immediate danger', 'police'],
  },
  {
    name: 'parent using drugs or alcohol',
    when: /\b(smokes? weed|cannabis|drugs? (at|in the) (home|house)|drinking (a lot|more|heavily|every)|alcoholic|dad drinks|mum drinks|needles|heroin|cocaine|crack)\b/,
    unless: /\b(running drugs|dealing|county lines|phones?|cash)\b/,
    concepts: ['parental substance misuse', 'alcohol', 'drugs'],
  },
  {
    name: 'suicidal intent',
    when: /\b(kill (him|her|them)sel(f|ves)|end (his|her|their) life|suicid\w*|take (them|all of them|them all)|pills? saved|stockpil\w*|overdose|hang (him|her)self|jump off|written a note|suicide note|doesnt want to be alive|wants? to die|not want to live)\b/,
    concepts: ['suicidal', 'suicide', 'self harm', 'crisis'],
  },
  {
    name: 'self-harm',
    when: /\b(cuts on|cutting (her|him|them)sel\w*|self ?harm\w*|scratch\w* (her|his) arms?|burning (her|him)self|cuts? (her|his) arms?)\b/,
    concepts: ['self harm', 'self-harm'],
  },
  {
    name: 'FGM planned or found',
    when: /\b(cut|cutting|circumcis\w*)\b[\w\s]{0,40}\b(little|baby|country|abroad|holiday|ceremony|somalia|sudan|egypt|eritrea|ethiopia|gambia|sierra leone|back home|summer)\b|\bbecome a woman\b|\bfgm\b/,
    unless: /\b(self ?harm|cuts on|her arms|his arms)\b/,
    concepts: ['female genital mutilation', 'fgm', 'mandatory reporting'],
  },
  {
    name: 'forced marriage',
    when: /\b(married|marry|marriage|(her|his|their) wedding|arranged wedding|engaged|engagement|husband|wife|fiance)\b/,
    unless: /\b(parents? (are|got) (married|divorced)|(mum|dad|parent) (is )?getting married|divorce)\b/,
    concepts: ['forced marriage', 'honour based abuse', 'under 18 marriage'],
  },
  {
    name: 'honour-based abuse',
    when: /\b(shame|shaming|dishonour|honour|reputation of the family)\b/,
    concepts: ['honour based abuse', 'forced marriage'],
  },
  {
    name: 'criminal exploitation',
    when: /\b(two phones|2 phones|burner|wads? of cash|lots of cash|new trainers|designer clothes|running drugs|run drugs|dealing|county lines|trapping|plugging|goes? missing to|going missing to|older (lads|boys|men) (giving|pay)\w*|drug debt)\b/,
    concepts: ['criminal exploitation', 'county lines', 'exploitation'],
  },
  {
    name: 'sexual exploitation',
    when: /\b(older (men|man|lads|boys|boyfriend)|picked up (by|in) (a )?cars?|gets? in(to)? cars?|getting in(to)? cars?|new phone|gifts|nails done|hotel|parties with)\b/,
    unless: /\b(dealing|county lines|running drugs|two phones|2 phones|cash)\b/,
    concepts: ['sexual exploitation', 'grooming', 'exploitation'],
  },
  {
    name: 'controlling teenage relationship',
    when: /\b(boyfriend|girlfriend|partner)\b[\w\s]{0,40}\b(controls?|controlling|decides|goes through (her|his) phone|checks (her|his) phone|wont let|tracks?|jealous)\b/,
    concepts: ['coercive control', 'domestic abuse', 'relationship abuse'],
  },
  {
    name: 'domestic abuse at home',
    when: /\b(police (were|was|came|called)[\w\s]{0,20}(house|home|last night)|police call(ed)? out|hitting (mum|dad|mother|father)|(dad|mum|father|mother|stepfather|boyfriend|partner) (hits?|hit|beat|strangled|punched|attacked|threatened) (mum|dad|mother|father|her mum|his mum)|fighting at home|shouting and fighting|arguing and fighting|strangled|controls all the money|wont let her see|(mum|mother) (came in |turned up |arrived |was )?(with|has|had|has got|had got) (a )?(black eye|bruis\w*|split lip|cut lip)|kill (her|him) if (she|he) (leaves|goes|tells))\b/,
    concepts: ['domestic abuse', 'coercive control'],
  },
  {
    name: 'nude image shared',
    when: /\b(nudes?|naked (pic|photo|picture|image)\w*|semi nude|sexting|dick pic|explicit (pic|photo|image)\w*|sent (a )?pics?|sent (a )?photos?|his pics|her pics|the pics)\b/,
    concepts: ['nude images', 'sexting', 'ukcis'],
  },
  {
    name: 'sextortion',
    when: /\b(blackmail\w*|demanding (money|\d+)|pay (or|up)|send (it|them) to (everyone|his friends|her friends)|sextortion|pretending to be a girl)\b/,
    concepts: ['sextortion', 'financially motivated', 'blackmail', 'report remove', 'ceop'],
  },
  {
    name: 'online bullying',
    when: /\b(group chat|snapchat|whatsapp|tiktok|instagram|online)\b[\w\s]{0,40}\b(nasty|mean|bull\w*|pick\w* on|abuse|name calling|messages|messaged)\b|\b(nasty|mean|bull\w*|picked on|name calling)\b[\w\s]{0,30}\b(online|snapchat|whatsapp|group chat|instagram|tiktok)\b/,
    unless: new RegExp(`\\b${STAFF}\\b`),
    concepts: ['bullying', 'online bullying', 'cyberbullying'],
  },
  {
    name: 'online stranger contact',
    when: /\b(stranger|someone|man|adult)\b[\w\s]{0,30}\b(roblox|fortnite|minecraft|discord|online|snapchat|tiktok|game)\b[\w\s]{0,40}\b(messag\w*|asking|pics|photos|meet)\b/,
    concepts: ['online safety', 'ceop', 'grooming'],
  },
  {
    name: 'sexual abuse disclosed',
    when: /\b(touched (her|him|me)|touching (her|him)|raped|rape|sexual(ly)? abus\w*|comes into (her|his) (room|bed)|private parts|made (her|him) touch|molest\w*)\b/,
    unless: /\b(each other|two pupil|two boys|two girls|another child|boy in (her|his) class|girl in (his|her) class|at a party|classmate|peer)\b/,
    concepts: ['sexual abuse', 'disclosure'],
  },
  {
    name: 'child-on-child sexual behaviour',
    when: /\b(each other|two pupil|two boys|two girls|another child|boy in (her|his) class|girl in (his|her) class|at a party|classmate|peer|skirts? up|grabb\w* (their|her|his) (bum|bottom|breast)|upskirt\w*)\b[\s\S]{0,60}\b(touch\w*|raped|rape|sexual\w*|private parts|harass\w*|bum|bottom)\b|\b(touch\w*|raped|rape|sexual\w*|private parts)\b[\s\S]{0,60}\b(each other|another child|boy in (her|his) class|at a party|classmate)\b|\bskirts? up\b|\bupskirt\w*/,
    concepts: ['child on child', 'harmful sexual behaviour', 'sexual violence', 'sexual harassment'],
  },
  {
    name: 'sexualised behaviour or knowledge in a young child',
    when: /\b(sexualis\w*|sexual (play|knowledge|language|drawings?|pictures?|behaviour)|acting out sex|knows things (he|she|they) shouldnt|sexual things|humping|simulat\w* sex)\b/,
    concepts: ['harmful sexual behaviour', 'sexualised', 'sexual abuse'],
  },
  {
    name: 'the DSL is not here',
    when: /\b(dsl|designated safeguarding lead|deputy)\b[\w\s]{0,30}\b(is out|are out|out today|off|away|absent|not here|not in|isnt in|arent in|sick|on a trip|on leave|unavailable|not available|cant get hold|not answering|on a course)\b|\b(no dsl|without (the|a) dsl)\b/,
    unless: /\b(training|role|job description|cover (for|arrangements) policy)\b/,
    concepts: ['dsl absent', 'anyone can refer', 'dsl not available'],
  },
  {
    name: 'radicalisation',
    when: /\b(bomb|explosives?|shoot (up|everyone)|school shooting|mass shooting|swastika\w*|nazi|far right|great replacement|isis|jihad\w*|extremis\w*|extreme views|radical\w*|terroris\w*|white power|incel|andrew tate)\b/,
    concepts: ['radicalisation', 'prevent', 'extremism'],
  },
  {
    name: 'caught in parents\' conflict',
    when: /\b(divorce|separation|separated|splitting up|custody|contact dispute|messenger|caught in the middle|parents (fight|argue|arguing|fighting|rowing))\b/,
    concepts: ['emotional abuse', 'domestic abuse', 'emotional'],
  },
  {
    name: 'left alone',
    when: /\b(hasnt been home|has not been home|not been home|hasnt come home|not come home|home alone|left alone|on (her|his|their) own (all|for|overnight|at home)|left (him|her|them) (alone|on (his|her) own)|no adult at home|looking after (his|her) (little|younger) (brother|sister|siblings))\b/,
    concepts: ['neglect', 'supervision', 'left alone'],
  },
  {
    name: 'no food or heating',
    when: /\b(no food|always hungry|hungry|nothing to eat|electric (has )?run out|no electric\w*|no heating|no gas|foodbank|cant afford)\b/,
    concepts: ['neglect', 'basic needs', 'poverty', 'food'],
  },
  {
    name: 'poor home conditions',
    when: /\b(dog mess|filthy|smells|smelly|dirty clothes|same (uniform|clothes)|nits|head lice|rotten teeth|dentist|mess everywhere|no coat|home visit was)\b/,
    concepts: ['neglect', 'hygiene', 'basic care'],
  },
  {
    name: 'young carer',
    when: /\b(looks after (his|her|their) (disabled |poorly |sick |ill )?(mum|dad|parent|mother|father|brother|sister|siblings|nan|grandparent)|caring for (his|her|their) (mum|dad|parent)|cares for (his|her) (mum|dad))\b/,
    concepts: ['young carer', 'caring'],
  },
  {
    name: 'living with someone who is not a parent',
    when: /\b(living with|staying with|lives with|moved in with)\b[\w\s]{0,25}\b(friend|family friend|mum friend|mums friend|dads friend|uncle|aunt|auntie|cousin|not related|someone|boyfriend family|girlfriend family|neighbour)\b/,
    concepts: ['private fostering'],
  },
  {
    name: 'not attending and family unreachable',
    when: /\b(not (been )?(in|seen|in school|at school)|hasnt been (in|seen)|havent seen|absent)\b[\w\s]{0,30}\b(days?|weeks?|fortnight|since)\b|\b(no contact from (the )?family|phones? (dead|off)|not answering)\b/,
    unless: /\b(child protection|cp plan|on a plan|child in need plan|social worker)\b/,
    concepts: ['children missing education', 'missing education', 'absence', 'attendance'],
  },
  {
    name: 'child on a plan absent',
    when: /\b(child protection|cp plan|on a plan|child in need plan|cin plan)\b[\s\S]{0,60}\b(not (been )?(in|come in|seen)|absent|hasnt (come|been)|off school|not turned up|no show)\b|\b(absent|not in|not come in)\b[\s\S]{0,60}\b(child protection|cp plan|on a plan)\b/,
    concepts: ['social worker', 'absence', 'child protection plan', 'new information'],
  },
  {
    name: 'home education',
    when: /\b(home educat\w*|home school\w*|homeschool\w*|deregist\w*|take (him|her|them) off (the )?roll|off rolled|elective home)\b/,
    concepts: ['elective home education', 'home educated', 'deregistration'],
  },
  {
    name: 'kicked out or nowhere to sleep',
    when: /\b(kicked out|thrown out|nowhere to (sleep|stay|live|go)|sofa surf\w*|sleeping (rough|in a car|in the car)|evicted|homeless)\b/,
    concepts: ['homeless', 'out of hours', 'emergency duty team'],
  },
  {
    name: 'referral turned down but still worried',
    when: /\b(said no|refused|turned down|nfa|no further action|closed (the )?case|case closed|not meet(ing)? threshold|threshold not met|disagree\w*)\b[\s\S]{0,80}\b(worried|concern\w*|again|still|disclosed|challenge|wrong)\b|\b(still|really) worried\b[\s\S]{0,40}\b(nfa|no further action|closed|said no)\b/,
    unless: /\b(early help|eha|parents? (said no|refused))\b/,
    concepts: ['escalation', 'professional disagreement', 'challenge'],
  },
  {
    name: 'physical restraint',
    when: /\b(restrain\w*|restraint|reasonable force|physical intervention|held (him|her) (down|back))\b/,
    concepts: ['reasonable force', 'restraint', 'physical intervention'],
  },
  {
    name: 'police notification about a home incident',
    when: /\b(encompass|police (notification|notified|rang us|called the school|email)|police (were|was) (at|called to) (his|her|their|the) (house|home))\b/,
    concepts: ['operation encompass', 'domestic abuse', 'police notification'],
  },
  {
    name: 'a parent hurt by their partner',
    // The gap may not name a child: "mum said he has been hit by her boyfriend" is about the child.
    when: /\b(mum|mother|mom|dad|father|parent)\b(?:(?!\b(?:he|child|children|pupil|son|daughter|boy|girl|kid|kids)\b)[\w\s]){0,40}\b(being|getting|got|was|is|been) (hit|hurt|beaten|abused|assaulted|attacked|strangled|threatened|controlled)\b[\w\s]{0,15}\bby (dad|mum|her|his|the|their)? ?(partner|husband|wife|boyfriend|girlfriend|dad|father|ex)\b/,
    concepts: ['domestic abuse', 'domestic violence'],
  },
  {
    name: 'a child planning to travel to join extremists',
    when: /\b(join|joining|fight for|fight with)\b[\w\s]{0,20}\b(group|fighters?|isis|daesh|jihad\w*|cause)\b[\s\S]{0,60}|\b(fly|flying|travel\w*|go|going|leave|leaving)\b[\w\s]{0,10}\b(to )?(syria|iraq|afghanistan)\b/,
    unless: /\b(school|exchange|sports|residential|the) group (trip|visit|at the airport)\b/,
    concepts: ['radicalisation', 'extremism', 'prevent'],
  },
  {
    name: 'asks about a strategy meeting',
    when: /\bstrategy (meeting|discussion)s?\b|\bstrat\b/,
    concepts: ['strategy discussion', 'strategy meeting', 'section 47'],
    asks: true,
  },
  {
    name: 'asks how often the dsl is trained',
    when: /\b(dsl|dsls|designated safeguarding leads?|deputy dsl)\b[\w\s]{0,40}\b(training|train|trained|refresh\w*|redo|update\w*|course)\b/,
    concepts: ['dsl training', 'refresher', 'every two years'],
    asks: true,
  },
  {
    name: 'asks about the lado',
    when: /\blado\b|\blocal authority designated officer\b/,
    // How to reach the LADO is a contact question, answered by the contact cards' search.
    unless: /\b(head|headteacher|head teacher|principal|contact|phone|ring|call|email|number)\b/,
    concepts: ['lado', 'allegations against staff'],
    asks: true,
  },
  {
    name: 'a child missing during the school day',
    when: /\b(go|goes|going|gone|went|run|runs|ran|is|are)( missing| off)? (missing |off )?(during|from|in|on) (the )?(school day|school|lessons?|a trip|the trip|school trip)\b|\bmissing (child|pupil) (policy|procedure)\b|\blost (a|one|our|the) (pupil|child)\b/,
    concepts: ['missing from school', 'child missing', 'lost child'],
  },
];

/** Boost for a situation's words: above the user's own words, which in a story are mostly incidental. */
export const SITUATION_BOOST = 2.5;

/** Boost for the words of what the user asks: above the situation's, so the question decides. */
export const ASKED_BOOST = 3.5;

/** The situations a normalised message describes, in table order. */
export function situationsIn(normalisedText: string): Situation[] {
  return SITUATIONS.filter((situation) => situation.when.test(normalisedText) && !situation.unless?.test(normalisedText));
}

/** Distinct single words from the matched situations' concepts: what happened, and what is asked. */
export function situationWords(normalisedText: string): { story: string[]; asked: string[] } {
  const story = new Set<string>();
  const asked = new Set<string>();
  for (const situation of situationsIn(normalisedText)) {
    for (const concept of situation.concepts) for (const word of concept.split(' ')) (situation.asks ? asked : story).add(word);
  }
  return { story: [...story], asked: [...asked] };
}
