/**
 * The situations that make a message urgent, as data: what has to be described (who, what happened, when)
 * for the front door to need to hear now. Adding a situation is adding a row here plus labelled sentences in
 * test/unit/urgency-sentences.tsv; classifyUrgency.ts applies the rows and knows nothing of safeguarding.
 *
 * Messages reach this table already normalised (normaliseMessage in ../textNormaliser.ts): lower case, "year 7", "7 year old", "mum",
 * "boyfriend", "won't", "tonight". Patterns are written against that form.
 */

export type UrgencyTier = 'emergency' | 'today';

export interface Cue {
  pattern: RegExp;
  /** "no marks", "nobody hurt him": a negation just before this cue (same clause) cancels it. */
  negatable?: boolean;
}

export interface Situation {
  id: string;
  tier: UrgencyTier;
  /** Every cue must be found somewhere in the message, in any order. */
  cues: Cue[];
  /** When this matches too, the situation does not apply (e.g. an older child home alone for an evening). */
  unless?: RegExp;
  /** The cues must all be in one sentence: for rows whose cues are broad concepts rather than phrases. */
  sameSentence?: boolean;
  /** Shown on the card after what to do: why the message was flagged, in the reader's terms. */
  reason: string;
  /**
   * True when the situation needs the front door even if it happened long ago ("she was cut when she was
   * little"): FGM found is a duty to report whenever it was done, so a past framing does not calm it.
   */
  stillLiveWhenPast?: true;
  /** Used instead of `reason` when the message names the time the child goes home: {time} is filled in. */
  reasonWithTime?: string;
  /** A further step particular to this situation, shown after the reason and the action ("Tell the police too."). */
  advice?: string;
}

/**
 * Up to about `count` words then a space ("has got a knife", "threw a plate at her"). A bounded run of
 * characters rather than (?:\\w+ ){0,n}, which V8 compiles into a copy of the group per repeat.
 */
const wordsThenSpace = (count: number) => `(?:[\\w' ]{0,${count * 8}} )?`;
/** A space, then up to about `count` words ("left [her little brother] alone"). */
const spaceThenWords = (count: number) => `(?: [\\w' ]{0,${count * 8}})?`;
/** Joins alternatives into one non-capturing group. */
const any = (...alternatives: string[]) => `(?:${alternatives.join('|')})`;
/**
 * Word edges. Written as look-arounds rather than \b: V8 compiles \b around a long alternation several times
 * slower, and it recompiles a regex after garbage collection has dropped its code, so compile time is paid
 * again by the first message after an idle spell (measured: all rows from about 300 ms to about 40 ms).
 */
const START = "(?:(?<!\\w)|(?='))";
const END = '(?!\\w)';
/** A pattern for whole words; `g` so that every occurrence can be checked for negation. */
const words = (...parts: string[]) => new RegExp(`${START}${parts.join('')}${END}`, 'g');
/** A pattern for whole words, tested once (no `g`: a global regex's test() would carry state between messages). */
const wordsAnywhere = (...parts: string[]) => new RegExp(`${START}${parts.join('')}${END}`);
/** `first`, then up to `gap` other words, then `then`, within one sentence. */
const near = (first: string, then: string, gap = 4) => `${first}(?:\\W+[\\w']+){0,${gap}}?\\W+${then}`;

// The vocabulary the rows share.
const HOME_ADULT = any(
  "mum's (?:new )?(?:boyfriend|partner|girlfriend|fella|man|bloke|husband)", "dad's (?:new )?(?:girlfriend|partner|boyfriend|wife)", 'stepdad', 'stepmum', 'stepfather', 'stepmother', 'mum', 'dad',
  '(?:her|his|their) (?:new )?(?:fella|bloke)', 'fella', 'bloke',
  'parents?', 'carers?', 'foster (?:carer|mum|dad)', 'boyfriend', 'partner', 'uncle', 'aunt', 'auntie', 'nan', 'nana', 'nanna', 'grandad',
  'granddad', 'grandma', 'grandpa', 'gran', 'granny', 'grandparents?', '(?:older |big )?brother', 'stepbrother', 'cousin', 'lodger', 'family friend',
  '(?:some|any)(?:one|body) at home', 'man (?:at home|in the house)',
);
const STAFF = any(
  'teacher', 'headteacher', '(?:the|our|my) head(?! (?:injury|injuries|lice|wound|of (?:year|house|department)))', 'deputy head', 'deputy',
  'teaching assistant', 'member of staff', 'staff member', 'lunchtime supervisor', 'dinner lady', 'midday supervisor', 'coach', 'caretaker',
  'tutor', 'senco', 'sir', 'miss', 'mrs? [a-z]+', 'ms [a-z]+', 'supply teacher', 'colleague', 'volunteer', 'sports coach', 'minibus driver',
  // "one of our TAs", "one of the dinner ladies": the harmer is one of several staff.
  'one of (?:our|the|my) (?:teachers|teaching assistants|lunchtime supervisors|dinner ladies|midday supervisors|coaches|tutors|staff|volunteers|colleagues)',
);
/** "her partner hits her but the children weren't there": the adult is the one hurt. */
const CHILDREN_NOT_THERE = "(?:kids|children|the child|(?:her|his|their) (?:kids|children|son|daughter)) (?:weren't|were not|wasn't|was not) (?:there|present|in the house|home|around)";
const HARM = any(
  'hit', 'hits', 'hitting', 'hurt', 'hurts', 'hurting', 'beat', 'beats', 'beaten', 'beating', 'battered', 'batters', 'punch(?:ed|es|ing)?',
  'kick(?:ed|s|ing)?', 'slap(?:ped|s|ping)?', 'smack(?:ed|s|ing)?', 'strangl\\w*', 'chok(?:ed|ing)', 'throttl\\w*', 'burn(?:t|ed)', 'burns (?:him|her|them|me)', 'burning (?:him|her|them|me)', 'scalded',
  'belted', 'whack(?:ed|s)?', 'thump(?:ed|s)?', 'shook', 'shaken', 'thrown', 'bit (?:him|her|them|me)',
  `${any('grabb(?:ed|ing)', 'push(?:ed|ing)', 'shov(?:ed|ing)', 'dragg(?:ed|ing)', 'threw', 'throws', 'throwing', 'pinn(?:ed|ing)')}(?= ${any('him', 'her', 'them', 'me', 'things', 'stuff', '(?:a|the|my|our|his|her) (?:child|boy|girl|pupil|kid|son|daughter|year \\d+)')})`,
  `throw\\w* ${wordsThenSpace(2)}at (?:him|her|them|me)`, `shut ${wordsThenSpace(3)}in the door`,
  'touched', 'touch(?:es|ing) (?:him|her|them|me)', 'abus(?:ed|es|ing)', 'raped?', 'sexually assaulted', 'assaulted', 'molested',
  'interfered with', 'attacked', 'stamped on', 'leathered', 'locked (?:him|her|them|me) (?:in|out|up)', 'tied (?:him|her|them|me) (?:up|to)', 'starv(?:ed|es|ing) (?:him|her|them|me)',
  '(?:put|had|got|wrapped|squeezed) (?:his|her|their) hands? (?:round|around|on) (?:his|her|their|my) (?:throat|neck)', '(?:kicked|threw|thrown|chucked) (?:him|her|them|me) out',
  'made (?:him|her|them|me) (?:sleep|stand|stay) (?:outside|in the|on the)', 'shut (?:him|her|them|me) in', 'makes? (?:him|her|them|me) (?:sick|ill)', 'poison\\w*',
  'cut off (?:her|his) hair', 'cut (?:her|his) hair off', 'cut (?:her|his) hair (?:as a punishment|to punish|while (?:she|he) (?:was )?(?:asleep|sleeping))', 'did (?:it|this|that)', 'done (?:it|this|that)', 'caused (?:it|this|that)',
);
/** "hurt herself" is an accident or self-harm, and "hit the roof" or "beat him at chess" are not harm at all. */
const NOT_REFLEXIVE = '(?!\\w*\\s+(?:herself|himself|themselves|myself|themself|itself|the roof|the ceiling|it off|the road|the books|the target|the deadline|(?:him|her|them|me) (?:at|in) (?:chess|football|fifa|cards|games?|a game|a race|the race|tennis|pool|snooker|darts|maths|monopoly|scrabble|a match|arm wrestling)))';
/** Words that may sit between the harmer and the verb: "dad has been hitting", not "mum said she hurt". */
const BETWEEN = "(?:\\s+(?!(?:says|said|told|thinks|reckons|reported|explained|claims|when|if|and|didn't|did|never|doesn't|does|hasn't|wouldn't|won't|not|wasn't|will|would|might|may|could|going|gonna|threatened|threatens|accidentally|accidently)(?!\\w))[\\w']+){0,3}?";
const INJURY = any(
  'bruis\\w*', 'black eyes?', 'marks?', 'burns?', 'cuts?', 'welts?', 'bite marks?', 'scalds?', 'fractur\\w*', 'broken (?:arm|leg|wrist|ribs?|bones?|fingers?|collarbone|nose)',
  'swelling', 'swollen', 'lumps?', 'hand ?prints?', 'finger ?marks', 'grip marks', 'injur(?:y|ies|ed)', 'wounds?', 'scratch(?:es)?', 'split lip', 'fat lip', 'bald patch',
);
const NO_EXPLANATION = any(
  "won't say", "wouldn't say", 'will not say', "won't tell", "wouldn't tell", 'refus\\w* to (?:say|explain|tell)', "(?:can't|couldn't|cannot) explain", '(?:nobody|no one|noone) (?:can|could) explain',
  "(?:can't|couldn't|won't) say how", 'no explanation', "(?:doesn't|didn't|don't|does not|did not) know how", 'not sure how (?:she|he|they|it)', 'unexplained',
  'story (?:keeps )?chang\\w*', 'changed (?:her|his|their) story', 'different (?:stories|explanations|versions)', "(?:doesn't|does not|didn't|don't) (?:fit|match|add up)",
  'inconsistent', 'vague about', 'evasive', 'walked into a door', 'non-?verbal', "(?:can't|cannot|unable to) (?:tell us|speak|talk|explain)", 'old (?:and new )?(?:fractures?|injuries|bruis\\w*|breaks|scars)', 'healing fractures?',
  '(?:different|various) (?:ages|colours|stages)', 'x-?ray shows', 'not consistent with', "(?:doesn't|does not|didn't|did not) look like (?:that|a fall|an accident|it|what)",
  "(?:won't|wouldn't|will not|doesn't want to|does not want to|refuses to|refused to) (?:talk|speak) about", "like (?:he|she|they)(?:'s| has| have|'ve)? been (?:tied|hit|grabbed|held|restrained|punched|kicked|strangled|burnt|beaten|bitten|slapped)",
  // Where an injury is matters: accidents rarely mark ears, neck, cheeks, upper arms, torso or buttocks.
  'behind (?:his|her|their|the|both) ears?', 'on (?:his|her|their|the|both) (?:ears?|neck|cheeks?|buttocks|bottom|bum|inner (?:arm|thigh)s?|upper arms?|genitals|torso|tummy|stomach|back)',
  // How the child reacts when asked.
  'went (?:very )?quiet', 'clammed up', 'shut down', 'flinched', "(?:wouldn't|won't) look at", 'got upset when (?:i|we) asked',
  'look(?:s|ed)? like (?:a |an )?(?:cigarette|hand|belt|finger|grip|slap|bite|rope|ligature|iron|kick|punch|adult)', '(?:cigarette|belt|hand|finger|grip|loop|ligature|buckle) (?:marks?|burns?|shaped)',
  'shaped like', 'in the shape of', '(?:fingertip|finger ?tip|pinch|grab) (?:bruis\\w*|marks?)', 'perfect (?:circle|shape|line)', "(?:can't|cannot|doesn't|does not|don't) remember (?:how|what happened)", '(?:sock|glove|stocking|tide|immersion)[- ]?(?:pattern|line|mark)', 'in a (?:sock|glove) pattern',
  'both (?:feet|hands|arms|legs|sides|ears|cheeks|eyes)', '(?:round|around) (?:his|her|their|the) (?:neck|throat|wrists?|ankles?)',
  'looks? like (?:something|someone|a \\w+) (?:was|had been|has been) (?:tied|wrapped|pulled|squeezed|tightened)', 'smells? of (?:alcohol|drink)', 'circular', 'round burns?', 'small round', 'neat (?:circle|line|row)', 'non-mobile', 'not (?:yet )?(?:walking|crawling|mobile)', '(?:baby|infant|newborn)',
);
const CHILD_SELF_HARM = any('self[- ]?harm\\w*', 'cutting (?:herself|himself|themselves)', 'did (?:it|them) (?:herself|himself)', 'pulled (?:her|his|their) sleeves? down');
const AFRAID = any(
  'scared', 'afraid', 'frightened', 'terrified', 'petrified', 'too scared', 'refus\\w*', "(?:doesn't|does not|don't|do not|didn't) want", "won't", "can't", 'cannot',
);
const GO_HOME = any('go(?:ing)? (?:back )?home', 'return(?:ing)? home', 'be at home', 'home tonight', 'home after school', 'leave school');
const MISSING_NOW = any(
  '(?:is|are|has gone|went|gone|has been|been|now|still|currently) missing', 'missing (?:from (?:school|home|class|care|lessons?)|since|this morning|today|tonight|overnight|now|right now)',
  "(?:can't|cannot|couldn't|can not) (?:find|locate) (?:him|her|them|(?:a|an|the|one|our|my|this|that|one of (?:our|the|my))(?: [\\w']+){0,3}? (?:child|children|kids?|boy|girl|lad|pupil|student|year \\d+|\\d+ year old|toddler|baby))",
  '(?:head ?count|register|numbers?)(?: is| was|\'s)? (?:one|two|\\d+) (?:short|down|missing)', '(?:one|a) (?:child|pupil|kid|student) (?:short|unaccounted for)', 'unaccounted for', 'lost (?:a|one of (?:our|the)) (?:child|children|kids|pupils?)', '(?:nobody|no one) knows where (?:he|she|they)',
  "(?:don't|do not) know where (?:he|she|they) (?:is|are|has gone|went)", "(?<!(?:mum|dad|parents?|carers?|mother|father)(?:'s|'ve| has| have| is| are)? )(?:hasn't|has not|haven't|didn't|did not) (?:come|got|arrived|returned|gone) (?:home|back)",
  'not (?:come|came|got|arrived|returned) (?:home|back)', "(?<!(?:mum|dad|parents?|carers?|mother|father)(?:'s|'ve| has| have| is| are)? )(?:hasn't|has not|haven't|not) been (?:home|back|seen(?! (?:for|in|at) (?:a |an |over a |two |three |\\d+ |several |a few |the last )?(?:fortnight|weeks?|days|school|class)))(?! (?:since|for) (?:school|lunch))", 'ran (?:off|away)', 'run (?:off|away)', 'absconded', 'walked out of (?:school|the (?:school )?gates?|class|the building|the classroom)',
  'left (?:school|the site|the building|the premises|the grounds) without', 'disappeared', 'found wandering', 'wandering (?:alone|on (?:the|a) road|the streets|off)',
  // "has gone from the playground and we've searched the whole school": gone, and looked for.
  '(?:has |have |had )?gone from (?:the )?(?:playground|class|classroom|field|hall|school|line|group|lunch hall|yard)', "(?:we've|we have|we) searched (?:the )?(?:whole |entire )?(?:school|building|site|grounds)",
  'nowhere to be (?:found|seen)',
  // "we've lost a year 5 on the trip": staff say who lost the child, which rules out bereavement ("lost a child").
  "(?:we|i|staff|they|the school|the teacher|school)(?:'ve| have| had|'d)? (?:just )?lost (?:a|an|one|our|the|this|one of (?:our|the|my))(?: [\\w']+){0,3}? (?:child|children|kids?|boy|girl|lad|pupil|student|year \\d+|\\d+ year old|toddler)",
  "(?:we've|we have|we|i've|i have|staff have)(?: been)? (?:looking|searching) for (?:him|her|them|(?:a|the|our) (?:child|pupil|boy|girl)) (?:for|since)",
  // "year 8 not home since last night": the child, not a parent, has not been home.
  "(?<!(?:mum|dad|parents?|carers?|mother|father)(?:'s| is| are| has| have)? )not (?:been )?(?:home|back) (?:since|all night|overnight|last night)",
);
const NOT_COLLECTED = any(
  "(?:not|hasn't|has not|haven't|have not|wasn't|weren't) (?:been )?(?:collected|picked up)", '(?:no one|nobody|noone) (?:has )?(?:come|came|turned up) to (?:collect|pick)',
  '(?:nobody|no one) (?:came|has come|turned up)',
  "(?:nobody|no one|noone)(?:'s| has| have)? (?:(?:yet|still) )?(?:picked (?:up )?|collected |come for |turned up for )(?:her|him|them|(?:a|the|this|our|my|one|two|both|\\d+)(?: [\\w']+){0,3} (?:child|children|kids?|boy|girl|pupil|student|twins|siblings|year \\d+|reception))",
  'still (?:here|waiting|in reception|in the office|at school) (?:at|after) \\d{1,2}(?:[.:]\\d{2})?(?: ?[ap]m)?',
  "(?:parents?|mum|dad|carers?) (?:hasn't|haven't|didn't|did not|has not|have not) (?:come|turned up|arrived|collected|picked)",
);
const MISSING_EPISODE = any(
  'was missing (?:for )?(?:\\d+|one|two|three|four|five|a few|several|all) (?:nights?|days?|weekend)', 'missing (?:episode|overnight|all (?:night|weekend))', 'been missing (?:for|since)',
  "(?:didn't|did not) (?:come|go) home (?:last night|all weekend|for)", 'stayed out all night',
);
const YOUNG_OR_VULNERABLE = any(
  'year [0-6]', 'reception', 'nursery', '(?:[1-9]|10) year old', 'toddler', 'infant', 'little (?:boy|girl|one)', 'send (?:needs|pupil|child|kid|boy|girl|register|support)', '(?:with|has|have) send', 'autis\\w*', 'ehcp', 'disab\\w*',
  'non-verbal', 'vulnerable', 'learning difficult\\w*', 'epilep\\w*', 'diabet\\w*',
);
const FGM = any(
  'fgm', 'female genital mutilation', '(?:be|being|been|get|getting|got|was|is) cut', 'have (?:the|a) cut', 'the cut', 'cut down there', 'circumcis\\w*', 'sunna', 'khatna',
  'tahara', 'be(?:ing)? made (?:clean|pure)', 'special (?:ceremony|procedure|operation)', 'become a woman', 'a ceremony to become',
);
const FGM_FOUND_OR_PLANNED = any(
  'saw', 'seen', 'noticed', 'found', 'thinks', 'looks like', 'told', 'tells', 'says', 'said', 'disclosed', 'has had', 'had', 'been done', 'was done', 'done (?:to her|in|at|when)',
  'happened', 'going to', 'will', 'planned', 'planning', 'booked', 'in the (?:summer|holidays?|half term)', 'over (?:the )?(?:summer|holidays?|half term|easter|christmas)',
  'this (?:summer|holiday)', 'trip', 'travel\\w*', 'flying', 'visit\\w*', 'abroad', 'going (?:back )?home',
);
const ABROAD = any(
  'abroad', 'overseas', '(?:out of|leav\\w* the|leav\\w*) (?:the )?country', "(?:to|in) (?:the )?(?:family|relatives|grandparents|aunt|uncle)(?:'s)? (?:abroad|back home|overseas)", 'back home', 'to (?:the )?(?:home country|country of origin)', '(?:to|in) (?:pakistan|bangladesh|india|somalia|somaliland|nigeria|sudan|egypt|ethiopia|eritrea|kenya|gambia|sierra leone|yemen|iraq|afghanistan|syria|turkey|morocco|guinea|mali|senegal|kurdistan|iran|albania|romania|ghana|jamaica)',
);
const TRAVEL = any('tak(?:e|en|ing)', 'took', 'send(?:ing)?', 'sent', 'go(?:ing)?', 'fly(?:ing)?', 'flown', 'travel\\w*', 'leav(?:e|ing)', 'moving', 'booked', 'tickets?', 'passport');
const ABROAD_PURPOSE = any(
  'married', 'marry', 'marriage', '(?:her|his|their) (?:own )?wedding', 'wedding,? (?:hers|his)', 'husband', 'wife', 'engaged', 'betrothed', 'fianc\\w*', 'cut', 'fgm', 'ceremony', 'not coming back', "won't be coming back",
  'not come back', 'not to come back', 'for good', 'one[- ]way', 'court order', 'tonight', 'without (?:telling|permission|consent|dad|mum)', 'taking the (?:kids|children)', 'to live (?:with|there|out there)', 'next week', 'punish\\w*', 'found (?:her|him|out)', 'long holiday', 'extended holiday', 'indefinitely', "(?:doesn't|didn't|does not) want to go", 'scared', 'afraid', 'passport (?:taken|has been taken)',
);
/** Travel to join fighters or an extremist group: Prevent, and the police, the same day. */
const JOIN_EXTREMISTS = any(
  // A group known only from talking online, not the school group at the airport.
  `join ${wordsThenSpace(2)}(?:group (?:(?:he|she|they)(?:'s|'ve| has| have| is| are)? )?(?:been )?(?:talking|chatting|speaking|met|talks|chats)|fighters?|militia|isis|daesh|jihad\\w*|the cause|the fight|armed group|terror\\w* group|extremist group)`, 'fight (?:for|with|alongside) (?:isis|is|daesh|them|the group|a group|the cause)', '(?:isis|daesh|jihad\\w*|extremis\\w*|radicali\\w*|martyr\\w*|caliphate)',
);
const TRAVEL_AWAY = any(`${TRAVEL}${spaceThenWords(2)} (?:out |over |abroad )?(?:to|abroad)`, 'passport', 'tickets?', 'flights?', 'fly(?:ing)? out');
const SUICIDAL_INTENT = any(
  `(?:sav\\w*|saved|stockpil\\w*|hoard\\w*|collect\\w*|hid\\w*|hiding|got)(?: up)? ${wordsThenSpace(3)}(?:tablets|pills|paracetamol|meds|medication)`,
  '(?:tablets|pills|paracetamol|meds|medication) (?:saved|stockpiled|hidden)',
  'kill (?:herself|himself|themselves|themself|myself)', '(?:top|unalive) (?:herself|himself|themselves|themself|myself)', 'end (?:it all|(?:her|his|their|my) (?:own )?life)', 'suicid\\w*', 'take (?:her|his|their|my) (?:own )?life',
  'not (?:be )?(?:here|around|alive) (?:tomorrow|anymore|any more|much longer|by)', 'better off dead', "(?:don't|doesn't|do not) want to (?:be alive|live|wake up)",
  'take (?:them|it) all', 'take all (?:of )?(?:them|the|her|his|my)', 'jump (?:off|in front)', 'hang (?:herself|himself|themselves|myself)', 'overdose',
);
const SUICIDE_PLAN = any(
  'pills', 'tablets', 'paracetamol', 'medication', 'meds', 'saved (?:up|them)', 'stockpil\\w*', 'collecting', 'rope', 'ligature', 'belt', 'bridge', 'railway', 'train',
  'tonight', 'tomorrow', 'this weekend', 'after school', 'later', 'note', 'letter', 'plan', 'planned', 'planning', 'method', 'worked out', 'bought', 'when',
);
const FIRM_SUICIDAL_INTENT = any(
  "(?:is |'s |am |are )?(?:going to|will|'ll|wants? to|want to) (?:top|unalive|off) (?:herself|himself|themselves|themself|myself)", 'kms',"(?:is )?going to kill (?:herself|himself|themselves|themself)", "(?:will|'ll) kill (?:herself|himself|themselves|themself)", "(?:is )?going to end (?:it|her life|his life|their life)");
const OVERDOSE_OR_ATTEMPT = any(
  '(?:has |have )?(?:taken|took|swallowed|had) (?:an? )?(?:overdose|od(?!\\w)|loads of|a load of|all (?:her|his|their|the|of (?:her|his|the))|a (?:bunch|handful|packet|box) of|lots of|\\d+)(?: \\w+)? ?(?:pills|tablets|paracetamol|meds|medication|ibuprofen)?',
  'overdosed', 'swallowed (?:pills|tablets|bleach|batteries)', "(?:is|'s|are) (?:trying|threatening|about) to (?:kill|hang|jump|end|strangle)", 'on the (?:roof|ledge|bridge|railway|tracks)',
  '(?:ligature|rope|belt|cord|scarf|tie|lead|string) (?:tied |wrapped |pulled )?(?:tight(?:ly)? )?(?:round|around) (?:her|his|their) neck', 'tied (?:something|a \\w+) (?:round|around) (?:her|his|their) neck', 'hanging (?:herself|himself)', 'has a (?:noose|rope)',
  'cutting (?:herself|himself|themselves) (?:now|right now|in the toilets)',
  `cutting (?:herself|himself|themselves|(?:her|his|their) (?:arms?|wrists?|legs?|thighs?|stomach))${spaceThenWords(6)} (?:now|right now|in the (?:toilets?|loos?|changing rooms?)|blood everywhere|won't (?:open|come out|unlock))`,
  "(?:locked|barricaded) (?:herself|himself|themselves) in (?:the|a) (?:toilets?|loos?|room)(?: [\\w']+){0,6} (?:cutting|blood|pills|tablets|ligature)", 'standing on the (?:edge|ledge|bridge)',
);
const LEFT_ALONE = any(
  '(?:home|at home|in the house|in the flat|house|flat) (?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves))',
  `(?:left|leaves|leaving|been left|was left|were left|being left)${spaceThenWords(3)} (?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves)|unsupervised|to fend for)`,
  'home alone', 'on (?:his|her|their) own (?:at home|all (?:weekend|night|day)|overnight)', `left${spaceThenWords(3)} in (?:a|the|her|his|their) (?:locked )?(?:car|van|vehicle)`,
  '(?:looking after|looks after|look after|caring for|in charge of|babysitting|minding) (?:the |her |his |their |a )?(?:(?:\\d+|two|three|four|five) )?(?:baby|babies|siblings|little (?:brother|sister|ones)|younger (?:brother|sister|siblings)|toddler|brothers and sisters)',
  '(?:no|not an?) (?:adult|grown-?up|parent)s? (?:at home|in the house|home)',
  // "she's on her own with the baby": one child in charge of a younger one.
  'on (?:his|her|their) own with (?:the |a |her |his |their )?(?:baby|babies|toddler|little (?:brother|sister|ones?)|younger (?:brother|sister|siblings?)|siblings?)',
  "(?:mum|dad|parents?|carers?) (?:hasn't|haven't|has not|have not|hadn't) been (?:home|back)", "(?:mum|dad|parents?|carers?)(?:'s|'ve| has| have| is| are)? not been (?:home|back)", '(?:parents?|mum|dad|carers?) (?:are|is|were|was|have gone|has gone|went) (?:away|abroad|on holiday)', '(?:mum|dad|parents?|carers?) (?:has|have) (?:gone|left|disappeared)(?: \\w+){0,3} (?:since|for|days?|nights?)',
);
const OLDER_CHILD = any('year (?:9|10|11|12|13)', '1[3-7] year old', 'sixth form');
const LONG_TIME_ALONE = any('all (?:weekend|night|week)', 'overnight', 'nights?', 'days', 'since', 'week', 'baby', 'toddler', 'siblings', 'little (?:brother|sister|ones)');
/** "parents are away" is fine when someone else is looking after the child. */
const LOOKED_AFTER_BY_SOMEONE = any(
  '(?:staying|stays|lives|living) with (?:her |his |their )?(?:nan|gran|grandparents?|aunt|auntie|uncle|family|friends?|relatives?|dad|mum)', '(?:nan|gran|grandma|auntie|aunt|uncle) (?:is|was) (?:looking after|with) (?:her|him|them)',
  '(?:nan|gran|grandma|grandad) lives with',
);
const ON_A_PLAN = any('cp (?:kid|child|pupil|student|boy|girl)', '(?:cp|child protection|protection) plan', 'on a plan', 'subject to (?:a )?(?:cp|child protection)', '(?:on|has) (?:a )?cp', 'cp child', 'looked after', 'lac', 'cla', 'child in care', 'in care');
const ABSENT = any(
  'absent', 'not in (?:school|today)', "(?:hasn't|has not|haven't|didn't|did not) (?:come|turn(?:ed)? up|been in|arrived?|attend(?:ed)?|show(?:n|ed)? up)", 'not (?:arrived|turned up|attended)', 'no[- ]show',
  'off (?:school|today)', 'not been (?:in|seen)', "hasn't been seen", 'not seen (?:since|for)', 'absence',
);
const ABSENCE_EXPLAINED = any('(?:mum|dad|parents?|carers?|social worker|foster carer) (?:rang|called|phoned|emailed|messaged|let us know)', 'called in sick', 'reported (?:ill|sick)', 'authorised', 'appointment', 'dentist', 'doctors?', 'hospital appointment');
const UNFIT_CARER = any(
  'drunk', 'intoxicated', 'smell(?:ing|s|ed)? (?:strongly )?of (?:alcohol|drink|booze|weed|cannabis)', 'staggering', 'slurring', 'under the influence', 'high on', 'stoned', 'wasted',
  'off (?:his|her|their) face', 'out of (?:it|his head|her head)', 'on drugs', 'high',
  'hammered', 'pissed', 'plastered', 'legless', 'steaming', 'paralytic', "(?:is|was|were|got|getting|seemed|looked|looks)(?: absolutely| totally| completely)? (?:smashed|wrecked|mashed)", 'tipsy', 'worse for wear', 'off (?:his|her|their) (?:head|nut|tits)', 'on something',
  "(?:can|could|can't|couldn't) (?:barely|hardly) (?:stand|walk|talk|speak|stand up)", "(?:can't|couldn't|cannot) (?:stand|walk) (?:up|straight|properly)", '(?:stink\\w*|reek\\w*|smelt|stank) (?:strongly )?of (?:alcohol|drink|booze|weed|cannabis|beer|wine|vodka|spirits)',
  '(?:glazed|pinned) (?:eyes|pupils)', 'falling over',
);
const COLLECTING = any('collect\\w*', 'pick(?:ing|ed|s)? (?:\\w+ )?up', 'pick-?up', 'turned up', 'at the (?:gate|door|office|reception)', 'home time', 'take (?:him|her|them) home', 'driv\\w*', 'car keys', 'in the car');
const DRIVING = any('in (?:his|her|their|the|a) (?:car|van|truck|taxi)', `(?:put|putting|get|getting|bundl\\w*) ${wordsThenSpace(4)}in(?:to)? (?:his|her|their|the|a) (?:car|van|truck)`, 'car keys', 'keys in (?:her|his|their) hand', 'driv\\w*', 'in the car', 'behind the wheel', 'get(?:ting)? in the car');
const SEX_OFFENDER = any(
  'sex offen\\w*', 'sexual offen\\w*', 'child sex\\w*', 'offences against children', 'on the (?:sex offenders? )?register', 'paedophile', 'pedophile', 'indecent images',
  `convicted of ${wordsThenSpace(3)}(?:abuse|rape|sexual|child)`, 'schedule (?:one|1) offender', 'risk to children',
);
const OFFENDER_CONTACT = any(
  'mov(?:ing|ed|es) (?:back )?in', 'living (?:with|at)', 'lives with', 'staying (?:with|at|over)', 'back home', 'out of prison', 'released', 'visiting', 'unsupervised',
  'new (?:partner|boyfriend)', 'babysit\\w*', 'collecting', 'picking (?:\\w+ )?up', 'seeing (?:the|her|his) (?:kids|children)',
);
const IMAGES = any('nudes?', '(?:nude|naked|intimate|explicit|sexual|private|indecent) (?:pics|photos|pictures|images|videos?|selfies)', 'pics', 'photos', 'images', 'videos?', 'sexting');
const BLACKMAIL = any(
  'demand\\w*', 'blackmail\\w*', 'threaten\\w* that', 'will be (?:shared|sent|posted|leaked|put online)', 'unless (?:she|he|they) (?:sends?|pays?)', 'threaten\\w* to (?:send|share|post|leak|spread|show)', "or (?:they|he|she)(?:'ll| will) (?:send|share|post|leak|show)", '(?:wants|asking for|asked for) (?:money|£|\\d+)',
  '£ ?\\d+', 'sextort\\w*', 'pay (?:them|him|her|up)', 'send (?:them|it) to (?:his|her|their) (?:followers|friends|family|contacts|school)',
);
const WEAPON = any('knife', 'knives', 'blade', 'gun', 'firearm', 'machete', 'weapon', 'zombie knife', 'axe', 'knuckle ?duster', 'taser', 'pepper spray', 'bomb', 'explosives?', 'hammer', 'meat cleaver', 'samurai sword', 'sword');
const WEAPON_NOW = any(
  `(?:has|had|got|carrying|carries|brought|bringing|bring|with|pulled(?: out)?|waving|holding|hiding|hidden|found|concealing|showing|showed) ${wordsThenSpace(2)}(?:a |an )?${WEAPON}`,
  `${WEAPON} (?:in (?:his|her|their|the|a) (?:bag|pocket|locker|coat|blazer|sock|waistband|tray|desk)|on (?:him|her|them)|in school|on site)`,
  `threaten\\w* ${wordsThenSpace(3)}with (?:a|an|the) (?:${WEAPON}|scissors)`, `keeps? (?:a |an )?${WEAPON} (?:under|in|behind|hidden)`,
  `${WEAPON} ${wordsThenSpace(5)}threaten\\w* ${wordsThenSpace(2)}with it`, 'going to (?:shoot|stab|bomb|blow up)', '(?:shoot|bomb|blow) up the school', 'stab (?:someone|him|her|them|people|a)',
  'kill (?:everyone|people|students|pupils|teachers)', 'mass shooting', 'instructions (?:for|to make) (?:a )?(?:bomb|explosive)',
);
const THREAT_TO_KILL = any(
  'threat\\w* to kill', 'death threats?', `(?:said|says|told \\w+|saying|threatening|screaming|shouting)(?: that)?${spaceThenWords(3)}(?:'ll|'d| will| would| is going to| was going to| are going to| were going to) kill (?:her|him|them|you|me|us|the)(?!\\w)`,
  'going to kill (?:her|him|them|you|the|his|their)(?!\\w)',
);
const INTRUDER = any(
  'dad', 'mum', 'parent', 'man', 'woman', 'adult', 'stepdad', 'boyfriend', 'stranger', 'intruder', 'someone', 'ex[- ]?partner', 'uncle', 'relative', 'family member',
  'gang', 'group of (?:men|lads|youths)',
);
const ON_SITE = any(
  'in (?:the )?(?:school|reception|playground|building|office|corridor|classroom|car park|foyer)', 'at (?:the )?(?:gates?|school|reception|front door|door|office|window)',
  'outside (?:the )?(?:school|gates?|classroom|office)', 'on (?:site|the premises|the field|school grounds|the school site)', 'in school',
);
const THREATENING = any(
  'threaten\\w*', 'violent', 'trying to (?:get in|take|grab|snatch|get to|reach|force)', 'refus\\w* to leave', "won't leave", "(?:isn't|is not|not) allowed", 'court order',
  'injunction', 'restraining order', 'non-molestation', 'forcing', 'with a (?:knife|weapon)', 'wants to take (?:him|her|them)', 'demanding to (?:take|see)',
  'kicking off', 'aggressive', 'abusive', 'raging', "(?:is |'s )?taking (?:him|her|them) (?:home|away|with)", '(?:nobody|no one) (?:can|will) stop (?:him|her|them)',
);
const PROGRESSIVE_HARM = any(
  `(?:is|are|'s|keeps|is being|are being|being)(?: \\w+)? (?:hitting|beating|hurting|attacking|strangling|choking|kicking|punching|stabbing|assaulting|raping|battering|smacking|slapping|hit|beaten|hurt|attacked|strangled|choked|kicked|punched|stabbed|assaulted|raped|battered)`,
  'fighting', 'screaming at', 'smashing',
);
const NOW = any('right now', 'now', 'at the moment', 'as we speak', 'currently', 'this minute', 'happening', 'going on', 'in progress', "while (?:we|i)(?:'re| are| am)? (?:speak|talk)", 'can hear');
const MEDICAL_EMERGENCY = any(
  'unconscious', 'not breathing', "(?:can't|cannot) breathe", 'stopped breathing', 'unresponsive', "(?:won't|can't|will not) wake(?: up)?", 'collapsed', 'passed out', 'fitting',
  'seizure', 'having a (?:fit|seizure)', "(?:isn't|is not|not|aren't) (?:responding|responsive|breathing)", "(?:got|was|were|has been|have been|been|is|'s|just been) (?:stabbed|shot|glassed|run over|hit by a (?:car|van|bus))", 'bleeding (?:heavily|badly|a lot|everywhere)', 'lots of blood', 'covered in blood', 'blood everywhere', 'losing (?:a lot of )?blood', "won't stop bleeding", 'stab wound', 'been stabbed', 'choking',
);
const SEXUAL_ABUSE = any(
  'rap(?:e|ed|ing)', 'sexually (?:abused|assaulted|touched)', 'sexual abuse', 'touched (?:her|him|me|them) (?:inappropriately|down there|in (?:her|his|their|my) private)',
  'touch(?:ed|ing|es) (?:her|his|their|my) (?:private|privates|bits|bum|chest|breasts|genitals|vagina|penis|willy|fanny|body)', 'made (?:her|him|me|them) (?:touch|do (?:stuff|things|sexual))',
  'inappropriate(?:ly)? touch\\w*', '(?:forc(?:ed|es|ing)|ma(?:de|kes|king)|pressur(?:ed|es|ing)) (?:her |him |them |me )?(?:to |into )?(?:have sex|having sex|sex|do sexual|sexual(?! (?:comments?|remarks?|jokes?|gestures?|noises?|names?))|watch porn\\w*|watch (?:sex|rude|dirty))', 'sold (?:her |him |them )?for sex',
  '(?:selling|pimp\\w*) (?:her|him|them)', 'showed (?:him|her|them|me) (?:porn\\w*|sexual|rude|naked|dirty|adult)',
  '(?:asked|told|made|wanted|got) (?:him|her|them|me) to (?:take (?:his|her|their|my) clothes off|undress|get undressed|strip|touch (?:him|her|it))',
  '(?:making|makes|made) (?:her|him|them|me) do (?:things|stuff|favours|sexual things)', 'do (?:things|stuff|favours) for (?:free )?(?:food|money|drugs|lifts|gifts|vapes|a phone|weed)',
  'put (?:his|her|their) (?:willy|penis|finger|fingers|hand|hands|thing|private\\w*) (?:in|on|inside|down|up) (?:her|his|my|their)', 'sex for (?:money|drugs|gifts|alcohol)', 'sexually exploit\\w*', 'trafficked', 'sexual assault', 'sex with (?:a |an |her |his )?(?:\\d\\d year old|adult|man|older|teacher|uncle|stepdad|dad|grown)', 'abused (?:her|him|me|them)',
);

const ABDUCTION = any(
  `(?:dragg?\\w*|bundl\\w*|pull\\w*|grabb?\\w*|forc\\w*|snatch\\w*|push\\w*) (?:her|him|them|a|the|my|our|this|one|\\d+) ${wordsThenSpace(3)}into (?:a|the|his|her|their|an) (?:car|van|vehicle|taxi)(?! park)`,
  'taken by (?:a|an|some) (?:man|woman|stranger|adult|men)', 'trying to (?:get|lure|entice|coax) (?:children|kids|a child|a girl|a boy|her|him|them|pupils) into (?:his|a|the|their) (?:van|car)', 'abduct\\w*', 'kidnap\\w*', 'snatched',
  "(?:ex|ex-partner|ex-husband|ex-wife|estranged \\w+|stranger|a man|a woman|someone|somebody|an adult)(?: has| had|'s)? (?:just )?(?:taken|took|grabbed|snatched) (?:their|her|his|the|my|our|a) (?:son|daughter|child|kids|children|boy|girl|baby)",
);
const ADULT_CONTACT = any(
  'older (?:lads?|boys?|guys?|girls?|men|males?)', '(?:lads?|guys?|men|man) (?:in (?:his|their) (?:20s|twenties|30s|thirties))',
  '(?:1[89]|[2-9]\\d) year old(?: (?:man|woman|guy|bloke|adult|boyfriend|lad|male|female))?', "(?:boyfriend|girlfriend|man|guy|bloke|partner)(?: who is| who's| is| aged|,) (?:1[89]|[2-9]\\d)(?!\\w)", 'older (?:man|men|guy|bloke|boyfriend|woman)', 'adult (?:man|male|woman)', 'grown (?:man|woman|up)',
  "(?:man|woman|guy|someone|person|adult) (?:she|he|they)(?:'s|'ve| has| have)? met online",
  // A "boy" or "friend" known only through a game or app may be anyone: "a boy she met on roblox".
  "(?:someone|somebody|person|boy|girl|man|guy|lad|friend|boyfriend|girlfriend) (?:she|he|they)(?:'s|'ve| has| have)? (?:only )?(?:met|been talking to|been chatting to|talks? to|chats? to|talked to|chatted (?:to|with)|spoken to|played with|plays with) (?:on|through|via|in) (?:roblox|fortnite|minecraft|snapchat|snap|instagram|insta|tiktok|discord|whatsapp|xbox|playstation|psn|twitch|telegram|facebook|omegle|a game|an app|a gaming \\w+|an online game|the internet|online)",
  "never met (?:him|her|them) (?:in person|in real life|irl|before|face to face)", 'online (?:friend|boyfriend|girlfriend)', '(?:a|an|some) (?:man|men|adult|stranger|guy|bloke)',
);
/** Without one of these, "an older man is coming in to meet the kids" is a careers day, not grooming. */
const GROOMING_CONTEXT = any(
  'pics', 'photos', 'pictures', 'nudes?', 'send(?:ing)? (?:him|her|them)', '(?:his|their|a) (?:flat|house|place)', 'the park',
  'messag\\w*', 'online', 'snapchat', 'instagram', 'tiktok', 'whatsapp', 'discord', 'chat\\w*', 'talking to', 'gifts?', 'bought (?:her|him|them)', 'secret', 'boyfriend', 'girlfriend',
  'met (?:on|online|at|in)', 'groom\\w*', 'roblox', 'fortnite', 'minecraft', 'xbox', 'playstation', 'gaming', 'lifts?', 'in (?:his|her|a) car', 'phone', 'money', '£ ?\\d+', 'offer\\w*', 'pay\\w*',
);
const MEETING = any(
  'meet\\w*',
  // Collected by one adult ("picked up after school by a man in his 30s"), not by a group of older lads.
  `(?:(?:picked|picking|picks) up|collected) ${wordsThenSpace(3)}by (?:a|an|the|her|his|this|some|the same) (?:older )?(?:man|adult|guy|bloke|stranger|boyfriend|(?:1[89]|[2-9]\\d) year old)`, `(?:gets?|getting|got) (?:in|into) (?:his|a|the|their)${spaceThenWords(2)} (?:car|van)`, 'pick (?:her|him|them) up', 'picking (?:her|him|them) up', 'going to see', 'collect(?:ing)? (?:her|him|them)', 'go(?:ing)? (?:round|over) to', 'stay(?:ing)? (?:at|with)');
const SEXUAL_ABUSE_SIGNS = any(
  '(?:comes|came|goes|went|gets|got|creeps|crept) in(?:to)? (?:her|his|their|my) (?:bed|bedroom|room)', "(?:doesn't|does not|didn't|did not|don't) like what (?:he|she|they) (?:does|did|do)",
  '(?:our|their|little|special) secret', 'keep (?:it )?(?:a )?secret', '(?:makes|made|told) (?:her|him|them|me) (?:to )?keep (?:it )?(?:a )?secrets?', 'sleeps? in (?:her|his|their|my) bed',
);
const NIGHT_OR_DISTRESS = any('at night', 'in the night', 'scared', 'frightened', 'uncomfortable', 'touch\\w*', "(?:doesn't|does not|didn't) like", 'secret', 'hurts?', 'cries|crying');
const GIVEN_DRINK_OR_DRUGS = any(
  '(?:has|have|had) to pay (?:them|him|it|the \\w+) back', '(?:owes|owe|owed|in debt to) (?:them|him|some (?:older )?(?:lads|men|people))',
  `(?:man|men|adult|older (?:\\w+)|someone|boyfriend|lads?|guy|bloke) (?:who |that )?(?:gave|gives|give|giving|bought|buys|supplied|supplies|supplying|got) (?:her|him|them|me) (?:some )?(?:vodka|alcohol|drink|drinks|drugs|weed|cannabis|pills|spice|ket|ketamine|cocaine|booze|vapes?)`,
);
const NO_FOOD = any(
  "(?:hasn't|has not|haven't|have not|not|didn't|did not) (?:eaten|had (?:any(?:thing)?|a) (?:food|meal|thing to eat|tea|dinner))", 'no food', 'nothing to eat', 'starving',
);
const NEGLECT_NOW = any(
  'since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|the weekend|last \\w+)', 'for (?:\\d+|two|three|four|a few|several) days', 'no (?:electric|electricity|gas|heating|power|money|lights)',
  'in bed all day', 'passed out', "(?:mum|dad|parents?)(?:'s| is| are) (?:not well|ill|drunk|high|asleep|unresponsive|in bed)", 'nobody (?:at home|to look after)',
);
const PRIVATE_CHANNEL = any(
  'snapchat', 'instagram', 'tiktok', 'whatsapp', 'discord', 'facebook', 'personal (?:phone|number|account|email|mobile)', 'late at night', 'at night', 'privately', 'dms?', "dm'?(?:ing|ed)", 'gifts?',
  'lifts? home', 'outside (?:of )?school',
);
const CONTACTING = any('messag\\w*', 'texting', 'texts', 'texted', 'chatting', 'talking to', 'contact\\w*', 'follow\\w*', 'sending', 'sent (?:her|him|them)', 'meeting', 'giving (?:her|him|them)');
const CHILD_IN_SCHOOL = any('year \\d+', 'pupils?', 'students?', 'girls?', 'boys?', 'child', 'children', 'kids?', 'her', 'him');
const PARENT_HURT = any(
  `(?:mum|dad|parent|carer|mother)${spaceThenWords(4)} (?:looked|looks|looking|seemed|came in|turned up|arrived|had|has|with|was)${spaceThenWords(3)} (?:beaten up|been beaten|been hit|been attacked|black eye|bruised face|bruises on (?:her|his) face|split lip|injuries)`,
  `arrested (?:for|after|over)${spaceThenWords(2)} (?:domestic abuse|assault\\w*|attack\\w*|hitting|beating|stabbing|strangl\\w*)`,
);
/** Adults who may harm a child, for the sentence-level rows: family, staff, and any other adult. */
const ADULT_PERSON = any(
  HOME_ADULT, STAFF, '(?:a|an|the|some|this|that|older) (?:man|men|woman|adult|stranger|guy|bloke)', 'man', 'men', 'stranger', "(?:mum|dad)'?s (?:friend|mate|boss)",
  'friend of (?:mum|dad|the family)', 'family friend', 'neighbour', 'babysitter', 'childminder', 'lodger',
);
/** "beat him at chess" is a game; "she hurt her back" is her own injury. */
const NOT_GAME_OR_OWN_INJURY =
  "(?! (?:at|in) (?:chess|football|fifa|cards|games?|a game|a race|tennis|pool|snooker|darts|maths|monopoly|scrabble|a match))" +
  "(?!(?<=(?:she|he|i|they|who) (?:hurt|burnt|cut|twisted|banged|bit) (?:her|his|my|their)) (?:back|knee|ankle|leg|arm|wrist|foot|head|hand|finger|shoulder|neck|toe|elbow|lip|tongue))";
/** Something done to a child's body, with the child as its object: "pulled her hair", "dragged him". */
const VIOLENCE_TO_CHILD = `${any(
  'hit', 'hits', 'hitting', 'hurt', 'hurts', 'hurting', 'kick(?:ed|s|ing)?', 'punch(?:ed|es|ing)?', 'slap(?:ped|s|ping)?', 'smack(?:ed|s|ing)?', 'beat(?:s|en|ing)?', 'batter(?:ed|s|ing)?',
  'strangl\\w*', 'chok(?:ed|es|ing)', 'throttl\\w*', 'burn(?:t|ed|s|ing)?', 'scald(?:ed|s|ing)?', 'bit(?:e|es|ten|ing)?', 'dragg?(?:ed|s|ing)?', 'pull(?:ed|s|ing)?', 'push(?:ed|es|ing)?', 'shov(?:ed|es|ing)',
  'thr(?:ew|ows?|owing|own)', 'grabb?(?:ed|s|ing)?', 'pinn?(?:ed|s|ing)?', 'lock(?:ed|s|ing)?', 'ti(?:ed|es|ing)', 'whack(?:ed|s|ing)?', 'thump(?:ed|s|ing)?', 'belt(?:ed|s|ing)?',
  'stamp(?:ed|s|ing)?(?: on)?', 'sh(?:ook|akes?|aking)', 'attack(?:ed|s|ing)?', 'assault(?:ed|s|ing)?', 'abus(?:ed|es|ing)', 'starv(?:ed|es|ing)', 'squeez(?:ed|es|ing)', 'twist(?:ed|s|ing)?',
  'smash(?:ed|es|ing)?', 'film(?:ed|s|ing)?', 'makes? (?:him|her|them) fight',
)} ${wordsThenSpace(1)}${any('her', 'him', 'them', 'me', 'the (?:child|boy|girl|kids?|baby)', 'his', 'my')}${NOT_REFLEXIVE}${NOT_GAME_OR_OWN_INJURY}`;
/** Sexual acts or body parts, for "mummy's friend puts his hands in his pants". */
const SEXUAL_CONCEPT = any(
  'pants', 'knickers', 'willy', 'penis', 'vagina', 'privates?', 'private parts', 'front bottom', 'bum', 'breasts?', 'chest', 'naked', 'nude', 'porn\\w*', 'sex', 'sexual\\w*', 'undress\\w*',
  'clothes off', 'in (?:her|his|their|my) bed', 'molest\\w*', 'rap(?:e|ed|ing)', 'touch(?:ed|es|ing)', 'kiss(?:ed|es|ing)', 'bath', 'shower', 'down there',
);
const SEXUAL_ACT = any('touch(?:ed|es|ing)?', 'puts?', 'putting', 'hands?', 'rubb?(?:ed|s|ing)?', 'show(?:ed|s|ing|n)?', 'makes?', 'made', 'kiss(?:ed|es|ing)?', 'film(?:ed|s|ing)?', 'photograph\\w*', 'watch(?:ed|es|ing)?', 'hurts?');
const CHILD_EXPLOITED = any(
  `(?:made|being made|forced|being forced|has to|have to|had to|told to|asked to|pressured|pressure\\w*|paid|owes?|owed) ${wordsThenSpace(2)}(?:to )?(?:carry|carrying|deliver\\w*|run\\w*|sell\\w*|move|moving|hold\\w*|stash\\w*|take|taking|drop\\w*) ${wordsThenSpace(2)}(?:drugs|packages?|parcels?|weed|gear|bags?|money|phones?)`,
  'county lines', 'with a gang', 'in a gang', 'gang (?:members?|are|is)', 'running drugs', 'drug running',
);
const EXPLOITATION_NOW = any('today', 'tonight', 'this (?:weekend|week|evening)', 'at the weekend', 'tomorrow', 'now', 'again', 'missing', "(?:hasn't|has not|not) (?:been|come) home", 'scared', 'threat\\w*', 'owes?', 'debt', 'london', 'birmingham', 'train', 'nights?');
const FORCED_MARRIAGE_SIGNS = any(
  '(?:her|his) future (?:husband|wife)', 'meet (?:her|his) (?:future )?(?:husband|wife|fianc\\w*)', 'arranged (?:for her|for him|a) (?:to marry|marriage)', 'engaged to (?:a|an|her|his) (?:cousin|man|older)',
  'find (?:her|him) a (?:husband|wife)', '(?:mentioned|talk\\w* about|spoke about|her|his|an|about (?:an|her|his)) engagement', 'getting engaged', 'wedding (?:is )?(?:being )?(?:arranged|planned) for (?:her|him)', '(?:promised|betrothed) to',
);
const WAITING_UNCOLLECTED = any(
  'waiting (?:in|at) (?:the )?(?:office|reception|school|gate)', 'still (?:here|in school|at school|waiting)', 'nobody (?:has )?(?:come|turned up)', 'not (?:been )?(?:collected|picked up)',
);
const NO_ADULT_REACHABLE = any(
  "(?:phone|phones|mobile)(?:'s| is| are)? (?:off|dead|going to voicemail)", "(?:can't|cannot|couldn't) (?:get hold of|reach|contact|get through to)", 'not answering', 'no answer', 'no reply', 'since \\d',
);
const SEVERE_DISTRESS = any(
  'done with everything', "(?:can't|cannot) (?:go on|do this any ?more|cope any ?more)", "(?:doesn't|don't|does not) want to be here any ?more", 'want(?:s)? to disappear', 'goodbye (?:note|message|letter)',
  'giv(?:en|ing) away (?:her|his|their) (?:things|stuff)', 'said goodbye', 'no point (?:in )?(?:living|going on)', 'want(?:s)? it (?:all )?to (?:end|stop)',
);
const SERIOUS_SELF_HARM = any('cut badly', 'badly cut', 'deep cuts?', 'cuts? (?:are )?(?:deep|gaping|bleeding)', "won't stop bleeding", 'needs? stitches', 'wrists?', 'pills', 'tablets', 'overdose', 'ligature', 'rope');
const DEPRIVATION = any('locked (?:her|him|them|me) out', 'lock(?:s|ed|ing)? the (?:fridge|food|cupboards?|kitchen)', "(?:not allowed|isn't allowed) (?:to eat|food|to use the toilet)", 'sleeps? on the floor', 'no bed', 'tied to (?:a|the|her|his)', 'locked in (?:her|his|their) room');
const UNDER_13 = any('(?:[5-9]|1[0-2]) year old', 'year [1-7]', 'primary (?:school )?(?:child|pupil|girl|boy)');
const SEXUALLY_ACTIVE = any('pregnant', 'having sex', 'had sex', 'sexually active', 'sleeping with', 'morning after pill', 'sexual relationship');
const BARRED = any(
  "(?:not|isn't|is not|aren't|wasn't) (?:allowed|supposed to be|meant to be)", 'banned from', 'barred', 'bail conditions?', 'non-molestation', 'injunction', 'restraining order',
  'supposed to (?:stay|keep) away', 'no contact (?:order|allowed)',
);
const BACK_IN_CONTACT = any(
  'back (?:living )?(?:at home|in the house|home)', 'moved back', 'living (?:at home|with (?:them|her|him|us))', 'staying (?:at|over|with)', 'at the house', '(?:been|coming) (?:round|over)', 'visiting',
  'seeing (?:her|him|them|the (?:kids|children))', 'contact with (?:her|him|them|the (?:kids|children))', 'collect(?:ed|ing) (?:her|him|them)', 'picked (?:her|him|them) up', 'turned up',
);

/** Violence against the child's parent (domestic abuse): the child lives with it, and with the adult who did it. */
const PARENT_VICTIM = any(
  "(?:her |his |their |the kids' |the children's )?(?:mum|dad|nan|gran|mum's|dad's|step ?mum|stepdad|mother|partner|wife|girlfriend|husband)(?:'s (?:head|face|arm|neck))?",
);
const DOMESTIC_ASSAULT = any(
  `${any('hit', 'hits', 'hitting', 'beat(?:s|en|ing)?', 'batter(?:ed|s|ing)?', 'punch(?:ed|es|ing)?', 'kick(?:ed|s|ing)?', 'slap(?:ped|s|ping)?', 'smash(?:ed|es|ing)?', 'strangl\\w*', 'chok(?:ed|es|ing)', 'throttl\\w*', 'attack(?:ed|s|ing)?', 'assault(?:ed|s|ing)?', 'stabb?(?:ed|s|ing)?', 'push(?:ed|es|ing)?', 'shov(?:ed|es|ing)', 'dragg?(?:ed|s|ing)?', 'grabb?(?:ed|s|ing)?', 'thr(?:ew|ows?|owing|own)', 'hurt(?:s|ing)?', 'bit', 'headbutt\\w*', 'stamp(?:ed|s|ing)? on')} ${PARENT_VICTIM}`,
  `${PARENT_VICTIM} (?:was |got |has been |had been |been )(?:hit|beaten|battered|punched|kicked|slapped|strangled|choked|attacked|assaulted|stabbed|hurt|beaten up)`,
  'domestic (?:abuse|violence) (?:incident|at home|in the house|last night|at the weekend)', '(?:police|ambulance) (?:were |was |got |had been )?(?:called|came|round|out|at the (?:house|flat|home))',
  'operation encompass', 'encompass (?:notification|call|email)',
);
/** It happened recently, or the adult who did it is still with the child. */
const DOMESTIC_RECENT = any(
  'last night', 'this morning', 'yesterday', '(?:at|over) the weekend', 'tonight', 'today', 'right now', 'still (?:there|at home|in the house|living|lives|around|home)', 'back (?:at )?home', 'back in the house',
  "(?:not|wasn't|hasn't been|weren't|never) (?:been )?arrested", 'released', 'bailed', 'going home to (?:him|her|them)', 'lives with (?:him|her|them)',
);
/** Only the adult still being there makes a bare notification urgent; the notification itself is routine. */
const PERPETRATOR_STILL_THERE = any(
  'still (?:there|at home|in the house|living|lives|around|home)', 'back (?:at )?home', 'back in the house', "(?:not|wasn't|hasn't been|weren't|never) (?:been )?arrested", 'released', 'bailed',
  'going home to (?:him|her|them)', '(?:he|she)(?:\'s| is) (?:still )?(?:at home|there|back)',
);

const TIME = '((?:half (?:past )?)?\\d{1,2}(?:[.:]\\d{2})?(?: ?[ap]m)?)';
/** "he's picking him up at 3", "goes home at 3.15", "home time is 3pm": the time the child goes home. */
export const GOING_HOME_TIME = new RegExp(
  `${START}(?:pick(?:s|ing|ed)?(?: \\w+)? up|collect(?:s|ing)?(?: \\w+)?|home time|goes home|going home|home|picks? up)${END}[^.?!]{0,25}?${START}(?:at|is|by) ${TIME}(?![\\d])`,
);

export const SITUATIONS: Situation[] = [
  // Emergency: a child in immediate danger. 999 first.
  {
    id: 'harm-happening-now',
    tier: 'emergency',
    cues: [{ pattern: words(PROGRESSIVE_HARM), negatable: true }, { pattern: words(NOW) }],
    reason: 'someone is being hurt right now where a child is',
  },
  {
    id: 'in-immediate-danger',
    tier: 'emergency',
    cues: [{ pattern: words(any('(?:in|at) (?:immediate|imminent|serious) (?:danger|risk)', 'in danger (?:right )?now', 'life is in danger')), negatable: true }],
    reason: 'the message says a child is in immediate danger',
  },
  {
    id: 'weapon',
    tier: 'emergency',
    cues: [{ pattern: words(WEAPON_NOW), negatable: true }],
    unless: wordsAnywhere(any('staff ?room', 'sink', 'dishwasher', 'food tech\\w*', 'cooking', 'canteen', 'toy', 'nerf', 'water pistol', 'plastic', 'cap gun', 'cutlery', 'knives and forks', 'knife and fork', 'glue gun', 'staple gun', 'bat and ball', 'cricket bat', 'rounders bat')),
    reason: 'a child or adult has a weapon, or has threatened to use one',
  },
  {
    id: 'threat-to-kill',
    tier: 'emergency',
    cues: [{ pattern: words(THREAT_TO_KILL), negatable: true }],
    reason: 'someone has threatened to kill',
  },
  {
    id: 'overdose-or-suicide-attempt',
    tier: 'emergency',
    cues: [{ pattern: words(OVERDOSE_OR_ATTEMPT), negatable: true }],
    unless: wordsAnywhere(any('what (?:if|should)', 'if (?:a|the) (?:child|pupil|student)')),
    reason: 'a child has taken an overdose or is trying to end their life now',
  },
  {
    id: 'medical-emergency',
    tier: 'emergency',
    cues: [{ pattern: words(MEDICAL_EMERGENCY), negatable: true }],
    unless: wordsAnywhere(any('water (?:balloons?|pistols?|guns?)', 'nerf', 'paintball\\w*', 'photo\\w*')),
    reason: 'a child is unconscious, badly hurt or cannot breathe',
  },
  {
    id: 'adult-threatening-on-site',
    tier: 'emergency',
    cues: [{ pattern: words(INTRUDER) }, { pattern: words(ON_SITE) }, { pattern: words(THREATENING), negatable: true }],
    reason: 'an adult at school is threatening, or trying to take, a child',
  },
  {
    id: 'suicidal-and-missing',
    tier: 'emergency',
    cues: [{ pattern: words(any(SUICIDAL_INTENT, FIRM_SUICIDAL_INTENT, SEVERE_DISTRESS)), negatable: true }, { pattern: words(MISSING_NOW), negatable: true }],
    reason: 'a child who has spoken of ending their life has left, or cannot be found',
    advice: 'Then ring the front door.',
  },
  {
    id: 'young-child-missing-now',
    tier: 'emergency',
    cues: [{ pattern: words(MISSING_NOW), negatable: true }, { pattern: words(YOUNG_OR_VULNERABLE) }],
    reason: 'a young or vulnerable child is missing now',
  },
  {
    id: 'abduction',
    tier: 'emergency',
    cues: [{ pattern: words(ABDUCTION), negatable: true }],
    reason: 'a child may have been taken by someone',
  },
  {
    id: 'unfit-carer-driving',
    tier: 'emergency',
    cues: [{ pattern: words(UNFIT_CARER), negatable: true }, { pattern: words(DRIVING) }],
    reason: 'a parent who seems drunk or high is about to drive the child',
    advice: 'Do not hand the child over.',
  },

  // Today: the front door must hear before the child goes home.
  {
    id: 'harm-by-someone-at-home',
    tier: 'today',
    cues: [
      {
        pattern: new RegExp(
          `${START}${any(`${HOME_ADULT}${BETWEEN}\\s+${HARM}${NOT_REFLEXIVE}`, `${HARM}${spaceThenWords(4)} by (?:(?:her|his|their|my|the|a|an) )?${HOME_ADULT}`)}${END}`,
          'g',
        ),
        negatable: true,
      },
    ],
    // "mum told me she's being hit by dad, kids weren't there": the adult is the victim; domestic abuse rows decide.
    unless: wordsAnywhere(CHILDREN_NOT_THERE),
    reason: 'a child has said someone at home hurt them and will see them today',
    reasonWithTime: 'a child has said someone at home hurt them and goes home at {time}',
  },
  {
    id: 'disclosure-before-home-time',
    tier: 'today',
    cues: [
      { pattern: words(any('disclos\\w*', 'opened up', 'told (?:me|us|her teacher|his teacher|a teacher|staff)(?: something)? about')), negatable: true },
      { pattern: words(any(HOME_ADULT, 'home', 'pick(?:s|ing)? (?:\\w+ )?up', 'collect\\w*')) },
    ],
    unless: wordsAnywhere(
      "disclosed (?:that )?(?:she|he|they)(?:'s|'re| is| are)? (?:gay|lesbian|bi|bisexual|trans\\w*|queer|non-binary|lgbt\\w*|autistic|a young carer)",
    ),
    reason: 'a child has made a disclosure and will go home today',
    reasonWithTime: 'a child has made a disclosure and goes home at {time}',
  },
  {
    id: 'sexual-abuse-disclosed',
    tier: 'today',
    cues: [{ pattern: words(SEXUAL_ABUSE), negatable: true }],
    reason: 'a child has described sexual abuse',
    reasonWithTime: 'a child has described sexual abuse and goes home at {time}',
  },
  {
    id: 'signs-of-sexual-abuse',
    tier: 'today',
    cues: [{ pattern: words(SEXUAL_ABUSE_SIGNS), negatable: true }, { pattern: words(NIGHT_OR_DISTRESS) }],
    // A child asking to keep their own self-harm secret is asking about confidentiality, not describing abuse.
    unless: wordsAnywhere(CHILD_SELF_HARM),
    reason: 'a child has described what may be sexual abuse',
  },
  {
    id: 'domestic-abuse-at-home',
    tier: 'today',
    cues: [{ pattern: words(PARENT_HURT), negatable: true }],
    reason: 'a parent may have been hurt by domestic abuse, and the child goes home to it',
  },
  {
    id: 'afraid-to-go-home',
    tier: 'today',
    cues: [
      {
        pattern: words(
          any(
            `${AFRAID}${spaceThenWords(3)} (?:to )?${GO_HOME}`,
            `(?:scared|afraid|frightened|terrified|petrified) of (?:(?:his|her|their|my) )?${HOME_ADULT}`,
            "(?:not|isn't|is not|won't be|unsafe|never) safe (?:at home|to go home|going home|home|tonight)",
            "(?:will|'ll|is going to|going to|would|'d|might) (?:get|be) (?:beaten|hit|hurt|battered|smacked|slapped|belted|leathered|kicked|punched|whacked)",
            "threaten\\w* to (?:hurt|hit|beat|batter|break|burn|stab|kick|punch|throw|lock|starve|smash|cut)",
            "(?:or|otherwise|else) (?:they|he|she)(?:'ll| will| would|'d| are going to| is going to) (?:hurt|hit|beat|batter|break|stab|kill|get|do)",
            'break (?:her|his|their|my|your) (?:legs?|arms?|neck|fingers?|face|jaw|nose)',
            "(?:will|'ll|is going to|going to|would|'d|might|threatened to)(?: \\w+)? (?:batter|beat|hit|hurt|leather|belt|smack|slap|whack|thump|punch|kick|take it out on) (?:him|her|them|me|you)",
          ),
        ),
        negatable: true,
      },
    ],
    reason: 'a child is afraid to go home, or someone has threatened to hurt them',
    reasonWithTime: 'a child is afraid to go home and goes home at {time}',
  },
  {
    id: 'unexplained-injury',
    tier: 'today',
    cues: [{ pattern: words(INJURY), negatable: true }, { pattern: words(NO_EXPLANATION), negatable: true }],
    unless: wordsAnywhere(
      any(CHILD_SELF_HARM, '(?:saw|seen|witnessed) (?:it|it happen|the accident|him fall|her fall|them fall)', 'hit by a (?:ball|door|swing|bat)', 'accident book', 'first aid(?:er)? (?:saw|treated|dealt)'),
    ),
    reason: 'a child has an injury without a good explanation',
  },
  {
    id: 'missing-or-not-collected',
    tier: 'today',
    cues: [{ pattern: words(any(MISSING_NOW, NOT_COLLECTED, MISSING_EPISODE)), negatable: true }],
    // A family gone abroad for weeks is a child missing education (taking them off roll), not a same-day search.
    unless: wordsAnywhere(any(`(?:delete|remove|take|taking|came|come) ${wordsThenSpace(3)}(?:off|from) (?:the )?roll`, 'off[- ]roll\\w*', 'cme', 'children missing education')),
    reason: 'a child is missing, has been missing, or has not been collected',
    advice: 'If they are missing now, tell the police too.',
  },
  {
    id: 'fgm-found-or-planned',
    tier: 'today',
    cues: [{ pattern: words(FGM), negatable: true }, { pattern: words(FGM_FOUND_OR_PLANNED) }],
    reason: 'FGM may have been done or be planned',
    stillLiveWhenPast: true,
    advice: 'A teacher who sees signs of FGM, or hears of it from the girl, must also report it to the police on 101.',
  },
  {
    id: 'taken-abroad',
    tier: 'today',
    cues: [
      {
        pattern: words(any(`${near(TRAVEL, ABROAD, 7)}`, '(?:forced|being forced|made|being made|pressured|pressure) (?:to |into )?(?:marry|marriage|get married)', 'forced marriage')),
        negatable: true,
      },
      { pattern: words(any(ABROAD_PURPOSE, 'forced', 'made', 'pressure\\w*')) },
    ],
    reason: 'a child may be about to be taken abroad for marriage, FGM or for good',
  },
  {
    id: 'travel-to-join-extremists',
    tier: 'today',
    cues: [{ pattern: words(TRAVEL_AWAY) }, { pattern: words(JOIN_EXTREMISTS), negatable: true }],
    reason: 'a child may be about to travel to join an extremist group',
    advice: 'Tell the police too (Prevent): they can stop the child travelling.',
  },
  {
    id: 'staff-harmed-child',
    tier: 'today',
    cues: [
      {
        pattern: new RegExp(
          `${START}${any(`${STAFF}${BETWEEN}\\s+${HARM}${NOT_REFLEXIVE}`, `${HARM}${spaceThenWords(4)} by (?:(?:a|the|her|his|their|our|my) )?${STAFF}`)}${END}`,
          'g',
        ),
        negatable: true,
      },
    ],
    reason: 'a child may have been hurt by a member of staff',
    advice: 'Tell the LADO today too (about the head, the chair of governors does), and keep the child away from that adult.',
  },
  {
    id: 'suicidal-with-plan',
    tier: 'today',
    cues: [{ pattern: words(SUICIDAL_INTENT), negatable: true }, { pattern: words(SUICIDE_PLAN) }],
    unless: wordsAnywhere(any('prevention', 'awareness')),
    reason: 'a child has said they mean to end their life and has a plan',
    advice: 'Do not leave the child alone.',
  },
  {
    id: 'suicidal-intent-stated',
    tier: 'today',
    cues: [{ pattern: words(FIRM_SUICIDAL_INTENT), negatable: true }],
    reason: 'a child has said they are going to end their life',
    advice: 'Do not leave the child alone.',
  },
  {
    id: 'left-alone',
    tier: 'today',
    cues: [{ pattern: words(LEFT_ALONE), negatable: true }],
    unless: new RegExp(
      `^(?=.*${START}${OLDER_CHILD}${END})(?!.*${START}${LONG_TIME_ALONE}${END})|${START}${any(LOOKED_AFTER_BY_SOMEONE, '(?:walk|walks|walking|cycle|cycles|go|goes|going|get|gets) (?:to school |home )?(?:alone|on (?:his|her|their) own)')}${END}`,
    ),
    reason: 'a child has been left without an adult to look after them',
  },
  {
    id: 'plan-child-absent',
    tier: 'today',
    cues: [{ pattern: words(ON_A_PLAN) }, { pattern: words(ABSENT), negatable: true }],
    unless: wordsAnywhere(ABSENCE_EXPLAINED),
    reason: 'a child on a plan is absent and nobody knows why',
    advice: 'Tell their social worker too.',
  },
  {
    id: 'unfit-carer-collecting',
    tier: 'today',
    cues: [{ pattern: words(UNFIT_CARER), negatable: true }, { pattern: words(COLLECTING) }],
    reason: 'a parent who seems drunk or high has come for the child',
  },
  {
    id: 'sex-offender-contact',
    tier: 'today',
    cues: [{ pattern: words(SEX_OFFENDER), negatable: true }, { pattern: words(OFFENDER_CONTACT) }],
    reason: 'someone who may be a risk to children is moving in with, or seeing, the child',
  },
  {
    id: 'meeting-an-adult',
    tier: 'today',
    cues: [{ pattern: words(ADULT_CONTACT) }, { pattern: words(MEETING), negatable: true }, { pattern: words(GROOMING_CONTEXT) }],
    reason: 'a child may be about to meet an adult who has been grooming them',
  },
  {
    id: 'under-13-sexual-activity',
    tier: 'today',
    cues: [{ pattern: words(UNDER_13) }, { pattern: words(SEXUALLY_ACTIVE), negatable: true }],
    // "his mum is pregnant" is news about the family, not about the child.
    unless: wordsAnywhere("(?:mum|mother|stepmum|auntie|aunt|big sister|older sister|teacher|miss|mrs \\w+|nan)(?:'s| is| was)? (?:\\w+ )?pregnant"),
    reason: 'a child under 13 may be sexually active, which in law is rape',
  },
  {
    id: 'barred-adult-back',
    tier: 'today',
    cues: [{ pattern: words(BARRED) }, { pattern: words(BACK_IN_CONTACT), negatable: true }],
    reason: 'an adult who must not be near the child is back in contact',
  },
  {
    id: 'adult-giving-drink-or-drugs',
    tier: 'today',
    cues: [{ pattern: words(GIVEN_DRINK_OR_DRUGS), negatable: true }],
    reason: 'an adult may be giving a child alcohol or drugs, which can be exploitation',
  },
  {
    id: 'neglect-now',
    tier: 'today',
    cues: [{ pattern: words(NO_FOOD), negatable: true }, { pattern: words(NEGLECT_NOW) }],
    unless: wordsAnywhere(any('diet\\w*', 'fasting', 'ramadan', 'eating disorder', 'anorexi\\w*', 'bulimi\\w*')),
    reason: 'a child is without food or care at home now',
  },
  {
    id: 'staff-private-contact',
    tier: 'today',
    cues: [
      { pattern: words(any(`${STAFF} ${wordsThenSpace(3)}${CONTACTING}`, `${CONTACTING} ${wordsThenSpace(2)}(?:from|with|by) (?:a|the|her|his|their|our) ${STAFF}`)), negatable: true },
      { pattern: words(PRIVATE_CHANNEL) },
      { pattern: words(CHILD_IN_SCHOOL) },
    ],
    reason: 'a member of staff may be in private contact with a child',
    advice: 'Tell the LADO today too (about the head, the chair of governors does).',
  },
  {
    id: 'adult-harmed-child',
    tier: 'today',
    sameSentence: true,
    cues: [{ pattern: words(ADULT_PERSON) }, { pattern: words(VIOLENCE_TO_CHILD), negatable: true }],
    // "the girl twisted her ankle": the child's own accident, with the child as the one who did it.
    unless: wordsAnywhere(
      any(
        '(?:girl|boy|lad|child|pupil|student|kid|she|he) (?:has |had )?(?:twisted|sprained|hurt|banged|bumped|grazed|cut|scraped) (?:her|his|their) (?:ankle|knee|wrist|head|elbow|back|toe|finger|leg|arm|hand|lip|chin)',
        CHILDREN_NOT_THERE,
        // "he'll pull her out of school": taking a child off roll, not hurting her.
        '(?:pull|pulls|pulled|pulling|take|takes|took|taking) (?:her|him|them) out of (?:school|class|the school|lessons?)',
      ),
    ),
    reason: 'a child may have been hurt by an adult they will see again',
  },
  {
    id: 'sexual-harm-described',
    tier: 'today',
    sameSentence: true,
    cues: [{ pattern: words(ADULT_PERSON) }, { pattern: words(SEXUAL_CONCEPT), negatable: true }, { pattern: words(SEXUAL_ACT) }],
    unless: wordsAnywhere(any('sex education', 'rse', 'relationships education', 'puberty', 'periods?', 'changing (?:room|for pe)', 'swimming')),
    reason: 'a child has described what may be sexual abuse',
  },
  {
    id: 'criminal-exploitation',
    tier: 'today',
    cues: [{ pattern: words(CHILD_EXPLOITED), negatable: true }, { pattern: words(EXPLOITATION_NOW) }],
    reason: 'a child may be being exploited to carry or sell drugs',
  },
  {
    id: 'forced-marriage-signs',
    tier: 'today',
    cues: [{ pattern: words(FORCED_MARRIAGE_SIGNS), negatable: true }],
    reason: 'a child may be about to be married',
  },
  {
    id: 'waiting-with-no-adult',
    tier: 'today',
    cues: [{ pattern: words(WAITING_UNCOLLECTED) }, { pattern: words(NO_ADULT_REACHABLE) }],
    reason: 'a child has not been collected and no adult can be reached',
  },
  {
    id: 'self-harm-with-despair',
    tier: 'today',
    cues: [{ pattern: words(SEVERE_DISTRESS), negatable: true }, { pattern: words(SERIOUS_SELF_HARM) }],
    reason: 'a child has harmed themselves and may mean to end their life',
    advice: 'Do not leave the child alone.',
  },
  {
    id: 'deprivation',
    tier: 'today',
    cues: [{ pattern: words(DEPRIVATION), negatable: true }],
    reason: 'a child is being deprived of food, a bed or freedom at home',
  },
  {
    id: 'image-blackmail',
    tier: 'today',
    cues: [{ pattern: words(IMAGES) }, { pattern: words(BLACKMAIL), negatable: true }],
    reason: 'a child is being blackmailed with images',
    advice: 'Tell the child not to pay, and tell the police.',
  },
  {
    id: 'domestic-abuse-recent',
    tier: 'today',
    cues: [{ pattern: words(DOMESTIC_ASSAULT), negatable: true }, { pattern: words(DOMESTIC_RECENT) }],
    unless: wordsAnywhere(any('operation encompass', 'encompass (?:notification|call|email)')),
    reason: 'a child has seen or lived through domestic abuse at home just now, and the adult may still be there',
  },
  {
    id: 'domestic-abuse-adult-still-home',
    tier: 'today',
    cues: [{ pattern: words(DOMESTIC_ASSAULT), negatable: true }, { pattern: words(PERPETRATOR_STILL_THERE) }],
    reason: 'there has been domestic abuse at home and the adult who did it is still there',
  },
];
