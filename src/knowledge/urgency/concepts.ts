/**
 * The broad net's vocabulary: semantic categories (a child, something done to a child, an injury, sexual content,
 * a weapon, a dangerous state, an adult who may harm, fear or secrecy, a sign that it is happening now, a sign
 * that someone told or saw it) as large word lists. The named situations in situations.ts need exact phrasings;
 * new wording defeats them. A category matches on any of its hundreds of words, so "he belted her",
 * "she got leathered" and "he whacked him" all read as harm without a row each.
 *
 * Single words are looked up in a Map built once at start-up (verbs are inflected by rule: "punch" gives punches,
 * punched, punching); phrases are one regex per category. Messages arrive normalised (normaliseMessage in ../textNormaliser.ts).
 */

export type Concept =
  | 'child'
  | 'harmAct'
  | 'injury'
  | 'sexual'
  | 'weapon'
  | 'danger'
  | 'harmer'
  | 'fear'
  | 'immediacy'
  | 'disclosure';

/** Categories that describe the harm itself: a negation just before them ("no marks") cancels them. */
export const NEGATABLE: ReadonlySet<Concept> = new Set(['harmAct', 'injury', 'sexual', 'weapon', 'danger', 'fear']);

/** Regular verb forms by rule: hit → hits, hitting; punch → punches, punched; shove → shoved, shoving. */
export function inflect(base: string, irregularPast: string[] = []): string[] {
  const forms = new Set([base, ...irregularPast]);
  const sibilant = /(?:s|sh|ch|x|z)$/.test(base);
  const consonantY = /[^aeiou]y$/.test(base);
  forms.add(sibilant ? `${base}es` : consonantY ? `${base.slice(0, -1)}ies` : `${base}s`);
  // Short verbs ending consonant-vowel-consonant double it: hit → hitting, slap → slapped, grab → grabbed.
  const doubles = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base);
  const stem = doubles ? base + base.slice(-1) : base;
  if (base.endsWith('e') && !base.endsWith('ee')) {
    forms.add(`${base.slice(0, -1)}ing`);
    if (irregularPast.length === 0) forms.add(`${base}d`);
  } else {
    forms.add(`${stem}ing`);
    if (irregularPast.length === 0) forms.add(consonantY ? `${base.slice(0, -1)}ied` : `${stem}ed`);
  }
  return [...forms];
}

const verbs = (...bases: Array<string | [string, ...string[]]>) =>
  bases.flatMap((base) => (typeof base === 'string' ? inflect(base) : inflect(base[0], base.slice(1))));
const plurals = (...nouns: string[]) => nouns.flatMap((noun) => [noun, /(?:s|sh|ch|x)$/.test(noun) ? `${noun}es` : `${noun}s`]);

/** Single words, by category. */
const WORDS: Record<Concept, string[]> = {
  child: [
    ...plurals('pupil', 'student', 'child', 'kid', 'lad', 'lass', 'girl', 'boy', 'son', 'daughter', 'sibling', 'brother', 'sister', 'toddler', 'infant', 'tutee', 'twin', 'teen', 'teenager', 'youngster', 'grandson', 'granddaughter', 'stepson', 'stepdaughter', 'niece', 'nephew', 'newborn', 'learner', 'yp', 'cyp', 'lac', 'cla', 'cin'),
    'children', 'baby', 'babies', 'reception', 'nursery', 'preschool', 'eyfs', 'ks1', 'ks2', 'ks3', 'ks4', 'tutee', 'bairn', 'sprog', 'chid', 'chld', 'pupul', 'puple', 'studnet', 'daugher', 'duaghter',
  ],
  harmAct: verbs(
    ['hit', 'hit'], 'slap', 'punch', 'kick', 'strangle', 'choke', 'throttle', ['burn', 'burnt', 'burned'], 'scald', ['shake', 'shook', 'shaken'], 'grope', 'touch', 'rape', 'abuse', 'assault', 'attack',
    ['hurt', 'hurt'], 'smack', 'batter', 'belt', 'whack', 'thump', ['beat', 'beat', 'beaten'], ['bite', 'bitten'], 'drag', 'shove', 'push', 'grab', 'pin', 'stamp', 'headbutt', 'pinch',
    'molest', 'fondle', 'lash', 'cane', 'whip', 'leather', 'wallop', 'clout', 'deck', ['stab', 'stabbed'], 'scratch',
    'spank', 'suffocate', 'smother', 'drown', 'poison', 'spike', 'bash', 'squeeze', 'yank', 'gag', 'cuff', 'clobber', 'twat', 'lamp',
    'torture', 'brand', 'exploit', 'groom', 'threaten', 'force', 'terrorise', 'intimidate', 'manhandle', 'flog', 'pummel',
  ).concat(['hitted', 'punced', 'slaped', 'kickd', 'hurted', 'abussed', 'assualted', 'strangeled', 'chocked', 'smaked', 'beated', 'batterd', 'throtled', 'rapped']),
  injury: [
    ...plurals('bruise', 'mark', 'burn', 'cut', 'welt', 'fracture', 'lump', 'scar', 'scratch', 'wound', 'injury', 'gash', 'handprint', 'fingerprint', 'lash', 'bite', 'abrasion', 'laceration', 'contusion'),
    'bruised', 'bruising', 'swelling', 'swollen', 'limp', 'limping', 'bleeding', 'blood', 'bloody', 'injured', 'injuries', 'fractured', 'burnt', 'scalded', 'bald', 'bruse', 'brusie', 'brusies', 'brused', 'bruses', 'bruisis', 'mrks', 'wincing', 'flinching', 'flinches', 'flinched', 'sores',
  ],
  sexual: [
    'sex', 'sexual', 'sexually', 'sexualised', 'sexualized', 'rape', 'raped', 'raping', 'naked', 'nude', 'nudes', 'porn', 'porno', 'pornography', 'pornographic', 'privates', 'willy', 'penis', 'vagina',
    'fanny', 'genitals', 'genital', 'groped', 'groping', 'fingered', 'blowjob', 'flashed', 'undress', 'undressed', 'undressing', 'condom', 'condoms', 'sexting', 'nudez',
    'molested', 'molesting', 'fondled', 'fondling', 'masturbating', 'masturbate', 'erection', 'boobs', 'breasts', 'bum', 'topless', 'bath', 'intimate', 'explicit', 'indecent',
    'seggs', 'secks', 'sext', 'dickpic', 'onlyfans', 'cse', 'lingerie',
  ],
  weapon: [
    ...plurals('knife', 'blade', 'machete', 'gun', 'pistol', 'rifle', 'firearm', 'bat', 'hammer', 'axe', 'crowbar', 'weapon', 'shank', 'taser', 'sword', 'cleaver', 'screwdriver', 'brick', 'acid', 'bomb', 'explosive', 'nunchuck', 'dagger', 'razor', 'shotgun', 'catapult', 'spear'),
    'knives', 'knuckleduster', 'knuckledusters', 'nife', 'knif', 'kinfe', 'gat', 'strap', 'blicky', 'zombie',
  ],
  danger: [
    'missing', 'runaway', 'absconded', 'absconding', 'unaccounted', 'drunk', 'intoxicated', 'stoned', 'wasted', 'hammered', 'smashed', 'slurring', 'staggering', 'paralytic', 'overdose', 'overdosed',
    'suicidal', 'suicide', 'ligature', 'noose', 'rope', 'self-harm', 'selfharm', 'homeless', 'unfed', 'unresponsive', 'unconscious', 'collapsed',
    'abducted', 'kidnapped', 'snatched', 'trafficked', 'gang', 'gangs', 'county', 'grooming', 'groomed', 'blackmail', 'blackmailed', 'blackmailing', 'sextortion', 'fgm',
    'stranger', 'strangers', 'unsafe', 'danger', 'dangerous', 'threat', 'threats', 'threatened', 'threatening', 'kill', 'killing', 'dead',
    'unsupervised', 'abandoned', 'filthy', 'unwashed', 'malnourished', 'emaciated', 'evicted', 'arrested', 'ambulance', 'a&e', 'booze',
    'radicalised', 'extremist', 'exploited', 'exploitation', 'pimped', 'stalking', 'stalked',
  ],
  harmer: [
    'mum', 'dad', 'stepdad', 'stepmum', 'stepfather', 'stepmother', 'boyfriend', 'girlfriend', 'partner', 'fella', 'bloke', 'uncle', 'aunt', 'auntie', 'aunty', 'nan', 'gran', 'grandad', 'granddad',
    'grandpa', 'grandma', 'brother', 'stepbrother', 'cousin', 'carer', 'carers', 'parent', 'parents', 'childminder', 'babysitter', 'neighbour', 'lodger', 'teacher', 'teaching', 'coach', 'caretaker',
    'supervisor', 'headteacher', 'deputy', 'tutor', 'volunteer', 'driver', 'man', 'men', 'guy', 'guys', 'adult', 'adults', 'stranger', 'someone', 'somebody', 'husband', 'wife', 'ex', 'family',
    'friend', 'friends', 'mate', 'mates', 'gang', 'lads', 'priest', 'imam', 'leader', 'instructor', 'staff', 'foster', 'relative', 'relatives', 'older', 'sister',
  ],
  fear: [
    'scared', 'afraid', 'frightened', 'terrified', 'petrified', 'fear', 'fearful', 'scard', 'scaerd', 'scarred', 'frightend', 'terrifed', 'panicking', 'panicked', 'hysterical', 'begged', 'begging', 'pleaded',
    'secret', 'secrets', 'flinch', 'flinched', 'flinches', 'flinching', 'cowering', 'trembling', 'shaking', 'sobbing', 'distraught', 'clammed', 'withdrawn',
  ],
  immediacy: [
    'today', 'tonight', 'now', 'just', 'still', 'currently', 'later', 'tomorrow', 'yesterday', 'weekend', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'lunchtime', 'breaktime', 'playtime', 'collects', 'collecting', 'collected', 'collect', 'collection', 'pickup', 'dropoff', 'hometime', 'currently',
  ],
  disclosure: [
    ...verbs(['say', 'said'], ['tell', 'told'], 'disclose', ['show', 'showed', 'shown'], 'mention', 'admit', 'confide', 'report', ['write', 'wrote', 'written'], ['draw', 'drew', 'drawn'], ['hear', 'heard'], ['see', 'saw', 'seen'], 'notice', ['find', 'found'], 'spot', 'reveal', 'allege', 'claim', 'describe', 'explain', 'cry', 'sob', 'whisper', 'confess', 'overhear'),
    'sez', 'sed', 'disclosure', 'disclosing', 'diclosed', 'discloed', 'allegation',
  ],
};

const any = (phrases: string[]) => new RegExp(`(?<![\\w'])(?:${phrases.join('|')})(?![\\w])`, 'g');

/** Phrases, by category: where one word would be too loose ("black eye", "pin her down", "left alone"). */
const PHRASES: Partial<Record<Concept, RegExp>> = {
  child: any([
    'year \\d+', '\\d+ year old', 'little (?:one|ones|boy|girl|man|lad)', 'young (?:person|people|carer)', 'looked after', 'in care', "[a-z]+ \\(year \\d+\\)", '(?:he|she) (?:says|said|told|disclosed|showed|came|keeps|has|was|is|had)',
    'one of (?:our|my|the) [\\w]+s',
  ]),
  harmAct: any([
    'did (?:it|this|that)', 'done (?:it|this|that)', 'did (?:it|this|that) to (?:him|her|them|me)', 'pull(?:s|ed|ing)? (?:his|her|their|my) hair', 'take it out on', 'lay(?:s|ing)? into', 'laid into', 'go(?:es)? for (?:him|her|them|me)',
    'do(?:es)? stuff', 'do(?:es)? things', 'make(?:s)? (?:her|him|them|me) (?:do|watch)', 'made (?:her|him|them|me) (?:do|watch)', 'comes? into (?:her|his|their|my) (?:room|bed|bedroom)', 'gets? into (?:bed|the bath) with',
    'watch(?:es|ed|ing)? (?:her|him|them|me) in the (?:bath|shower)', 'lock(?:s|ed|ing)? (?:him|her|them|me) (?:in|out|up)', 'kicked (?:him|her|them|me) out', 'threw (?:him|her|them|me) out', 'clip round the ear', 'use it on', 'thr(?:ew|own|ows?|owing) (?:him|her|them|me)(?! a party)', 'bit (?:him|her|them|me)(?!\\w)',
    '(?:put|puts|putting|had|has|with) (?:his|her|their|a|both) hands? (?:round|around|on) (?:his|her|their|my|the) (?:neck|throat)', '(?:sleep|sleeps|slept|sleeping|have sex|has sex|had sex|having sex) with',
  ]),
  sexual: any(['rude (?:things|stuff|pictures|pics|videos|photos|bits|games)', 'dirty (?:videos|pictures|pics|things|stuff|photos)', 'grown ?ups? doing', 'sit on (?:his|her) lap', 'rubs? (?:her|his) (?:legs|thighs|bottom|bum)']),
  injury: any(['black eyes?', 'broken (?:arm|leg|wrist|ribs?|bones?|fingers?|nose|collarbone|jaw|tooth|teeth)', "broke (?:(?:his|her|their|my) )?(?:[a-z]+'s )?(?:arm|leg|wrist|ribs?|nose|collarbone|jaw)", 'red (?:mark|marks|patch)', 'bite marks?', 'finger ?tip', 'grip marks?', 'split lip', 'fat lip', 'teeth marks?', "can't sit down", 'in lines']),
  danger: any([
    'ran (?:off|away)', 'run (?:off|away)', 'running away', "(?:can't|cannot|couldn't) find", 'not (?:been )?collected', "(?:hasn't|haven't|has not|not) (?:been )?(?:collected|picked up)", 'left (?:alone|on (?:his|her|their) own|at the gate)',
    'home alone', 'locked out', 'no food', 'nothing to eat', "(?:hasn't|not|didn't) eaten", 'no tea', 'off (?:his|her|their) face', 'self harm', 'want(?:s)? to die', "(?:doesn't|don't) want to (?:be alive|live|be here)", 'kill (?:himself|herself|themselves|myself)',
    "(?:nobody|no one|no-one|noone)(?:'s| has)? (?:come|turned up|collected|here)", "(?:hasn't|has not|not) turned up", "(?:hasn't|not|haven't) (?:been|come) home", 'not been home', "wouldn't wake", "won't wake", 'taken (?:away|abroad)',
    'county lines', "(?:didn't|did not|hasn't|has not|never) (?:come to )?(?:collect|pick up)", '(?:tried|trying|try) to (?:drive|take) (?:off|away) with', '(?:drive|drove|driven) off with', 'trap ?house', 'plug(?:s|ged|ging)? (?:packages|drugs|it|them)', 'owes? (?:them|older|money|the \\w+ )', '(?:alone|on (?:her|his|their) own) since', 'sleep\\w* in the (?:shed|garden|car)', 'meet (?:up|him|her)', 'sleeping (?:in the car|rough|on the floor)', 'no (?:heating|electric|bed)', 'married off', 'become a woman', 'flights? (?:are )?booked', 'to (?:pakistan|bangladesh|somalia|india|nigeria|sudan|egypt|yemen|iraq|afghanistan)',
    'going to voicemail', '(?:unknown|strange|unfamiliar) (?:adult|man|woman|person|people|car|van)', 'left with (?:an? )?(?:unknown|strange|someone)', '(?:(?:try|tries|tried|trying) to get (?:her|him|them)|pull\\w* (?:her|him|them)|drag\\w* (?:her|him|them)|bundl\\w* (?:her|him|them)) into (?:his|a|the|their) (?:car|van)', 'not answering', 'high on', 'off (?:his|her|their) (?:head|face|tits)', 'broken (?:bottle|glass)', 'starv\\w* (?:him|her|them|me)', 'iron bar', 'without (?:food|anything to eat|tea|dinner|water)', '(?:man|men|bloke|guy|adult|stranger|neighbour|older [\\w]+|someone|somebody|lads?)(?: who| that)?(?: [\\w\']+){0,4}? (?:gives?|gave|giving|buys?|bought|buying|sends?|sent|sending) (?:her|him|them) (?:money|gifts?|presents|cash|vapes?|alcohol|drink|drugs|a phone|phones|lifts?)', 'alone (?:at home|in the (?:house|flat))', '(?:at home|in the (?:house|flat)) (?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))', 'married off', 'marry (?:her|him) off', '(?:arranged|forced) marriage',
    'cutting (?:herself|himself|themselves|(?:her|his|their) (?:arms?|wrists?|legs?|thighs?))', '(?:took|taken|take|taking|swallow\\w*|sav\\w*|collect\\w*|hoard\\w*|stash\\w*|stockpil\\w*|hid\\w*|hiding)(?: [\\w\']+){0,4} (?:pills|tablets|paracetamol|meds|medication)',
  ]),
  fear: any([
    "(?:don't|do not|not to) tell", 'keep (?:it )?(?:a )?secret', 'our secret', "(?:won't|doesn't want to|does not want to|refus\\w+ to|too scared to|scared to|afraid to) (?:go|going) home", 'refus\\w+ to (?:leave|go)', 'hiding (?:in|from)',
    "won't say", "(?:doesn't|does not|didn't) know how", 'walked into a door', 'fell down (?:the )?stairs', 'nervous of',
  ]),
  immediacy: any([
    'this (?:morning|afternoon|evening|week|weekend)', 'last night', 'right now', 'at the moment', 'home time', '(?:going|goes|go|sent|get) home', 'pick(?:s|ing|ed)? (?:\\w+ )?up', 'after (?:school|college|club)',
    'at (?:half (?:past )?)?\\d{1,2}(?:[.:]\\d{2})?(?: ?[ap]m)?', 'half \\d', '(?:on|at|over) the weekend', 'next week', 'came in', 'turned up', 'on site', 'in school', 'at the gate', 'drop off', 'in the (?:car park|playground|office|toilets?)',
  ]),
  disclosure: any(['came to (?:me|us|see me)', 'opened up', 'let slip', 'asked for help', 'told (?:me|us)']),
};

const WORD_INDEX = new Map<string, Concept[]>();
for (const [concept, list] of Object.entries(WORDS) as Array<[Concept, string[]]>) {
  for (const word of list) WORD_INDEX.set(word, [...(WORD_INDEX.get(word) ?? []), concept]);
}

/** Where each concept occurs in a normalised message: concept → character offsets of its occurrences. */
export type ConceptHits = Map<Concept, number[]>;

const TOKEN = /[a-z0-9&][a-z0-9&'-]*/g;

export function findConcepts(message: string): ConceptHits {
  const hits: ConceptHits = new Map();
  const add = (concept: Concept, at: number) => hits.set(concept, [...(hits.get(concept) ?? []), at]);
  for (const token of message.matchAll(TOKEN)) {
    const word = token[0].replace(/'s$/, '');
    for (const concept of WORD_INDEX.get(word) ?? WORD_INDEX.get(token[0]) ?? []) add(concept, token.index);
  }
  for (const [concept, pattern] of Object.entries(PHRASES) as Array<[Concept, RegExp]>) {
    for (const match of message.matchAll(pattern)) add(concept, match.index);
  }
  return hits;
}

/** Word counts for the README and the test: the vocabulary is meant to be large. */
export const VOCABULARY_SIZE = [...WORD_INDEX.keys()].length;
