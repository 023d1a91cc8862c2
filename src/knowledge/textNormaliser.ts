/**
 * The one normaliser for what staff type in Teams. Teams sends HTML (entities, <at> mentions) and phones
 * send curly quotes; staff write text-speak ("y9", "sw", "strat", "2nite"), American or misspelt words
 * ("behavior", "parnets") and acronyms that are also English words ("SEND" the acronym against "send the
 * file"). Every message is first cleaned the same way (plainTeamsText), then put in one of two forms:
 *  - normaliseTeamsText, for search: lower-case words only, in the pack's own vocabulary ("y9" → "pupil");
 *  - normaliseMessage, for urgency: lower case with punctuation and apostrophes kept, because sentences,
 *    clauses ("no marks, but...") and "won't" matter there, and "y9" → "year 9" (the age matters).
 * Everything here is a fixed table applied in process: no model, no network.
 */

/** Long stories are fine, but only the start is read: enough for any real question, cheap for any input. */
export const MAX_CHARS = 2000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"', ndash: '-', mdash: '-', hellip: '...',
};

/**
 * Acronyms that are also ordinary words, read as acronyms only in capitals: "TA" is a teaching assistant,
 * "ta" is thanks. SEND is handled apart (see SEND_AS_ACRONYM), because staff also write "send kids".
 */
const CAPITALS_ONLY_ACRONYMS: Record<string, string> = {
  SA: 'severe absence',
  TA: 'teaching assistant',
  HT: 'headteacher',
  EP: 'educational psychologist',
  PE: 'physical education',
};

/**
 * Acronyms staff type in any case, and what they stand for. The acronym stays in the question as a word
 * (answers' tags use it); its meaning is searched as well (see searchQuery.ts). "send" is here because
 * the verb has been removed by then: any "send" left is the acronym.
 */
const ACRONYM_MEANINGS = new Map<string, string>(Object.entries({
  send: 'special educational needs disability', pa: 'persistent absence', sw: 'social worker', ss: 'social services',
  dv: 'domestic abuse', da: 'domestic abuse', cp: 'child protection', cin: 'child in need', lac: 'looked after child',
  plac: 'previously looked after child', cla: 'looked after child', ehe: 'elective home education',
  cme: 'children missing education', sen: 'special educational needs', senco: 'special educational needs coordinator',
  ehcp: 'education health care plan', ddsl: 'deputy designated safeguarding lead', dsl: 'designated safeguarding lead',
  slt: 'senior leadership', nfa: 'no further action', rcpc: 'review child protection conference',
  icpc: 'initial child protection conference', pep: 'personal education plan', vsh: 'virtual school head',
  scr: 'single central record', strat: 'strategy',
}));

/** What an acronym in a normalised question stands for, if it is one. */
export function acronymMeaning(word: string): string | undefined {
  return ACRONYM_MEANINGS.get(word);
}

/**
 * Lower-case text-speak, abbreviations and common misspellings, word for word. A value may be several
 * words; an empty value drops the word. Acronyms that are not English words ("cin", "ehe") are safe in
 * any case and live here too.
 */
const WORD_REWRITES = new Map<string, string>(Object.entries({
  // text-speak
  u: 'you', ur: 'your', pls: '', plz: '', thx: '', cos: 'because', coz: 'because', bc: 'because', b4: 'before',
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', '2moro': 'tomorrow', '2day': 'today', tonite: 'tonight',
  wk: 'week', wks: 'weeks', mtg: 'meeting', mtgs: 'meetings', conf: 'conference', info: 'information',
  mom: 'mum', mam: 'mum', mummy: 'mum', mommy: 'mum', daddy: 'dad', stepdad: 'stepfather', stepmum: 'stepmother',
  nan: 'grandparent', nana: 'grandparent', nanna: 'grandparent', gran: 'grandparent', grandma: 'grandparent', grandad: 'grandparent',
  bf: 'boyfriend', gf: 'girlfriend', bro: 'brother sibling', sis: 'sister sibling',
  kid: 'child', kids: 'children', kiddo: 'child', yo: 'year old', yrs: 'years',
  dsls: 'dsl', ddsls: 'ddsl', dep: 'deputy', hod: 'head of department', safeguardin: 'safeguarding',
  // misspellings seen in staff messages
  parnets: 'parents', parnet: 'parent', parants: 'parents', perents: 'parents', refferal: 'referral', referal: 'referral',
  refferral: 'referral', reffer: 'refer', refered: 'referred', reffered: 'referred', safegaurding: 'safeguarding',
  safeguading: 'safeguarding', saftey: 'safety', neglet: 'neglect', negelct: 'neglect', concent: 'consent',
  consernt: 'consent', worryed: 'worried', recieve: 'receive', seperate: 'separate', abuce: 'abuse',
  sexualy: 'sexually', harrassment: 'harassment', harasment: 'harassment', explotation: 'exploitation',
  exploitaton: 'exploitation', confidental: 'confidential', disclousure: 'disclosure', discloser: 'disclosure',
  truancy: 'absence', truanting: 'absence',
  // American spellings: the pack is written in British English
  behavior: 'behaviour', behaviors: 'behaviours', behavioral: 'behavioural', counselor: 'counsellor', counseling: 'counselling',
  pediatric: 'paediatric', pediatrician: 'paediatrician', offense: 'offence', defense: 'defence', program: 'programme',
  enrollment: 'enrolment', center: 'centre', color: 'colour', judgement: 'judgement', judgment: 'judgement',
  practicing: 'practising', license: 'licence', neighbor: 'neighbour', neighbors: 'neighbours', mold: 'mould',
  fetal: 'foetal', esthetic: 'aesthetic',
}));

/** "-ize", "-ization" and "-izing" words ("radicalization") take the British "-ise" forms the pack uses. */
function britishSpelling(word: string): string {
  if (word.length < 6) return word;
  return word.replace(/iz(e|ed|es|ing|ation|ations)$/, 'is$1');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) && value > 0 && value < 0x110000 ? String.fromCodePoint(value) : ' ';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Teams puts the bot's name in the message as <at>Name</at>; the name is not part of the question. */
function dropMarkup(text: string): string {
  return text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/** "y9", "yr 10", "year10" and "Y 7" all mean a pupil's school year; the number rarely matters to an answer. */
function schoolYears(text: string): string {
  return text.replace(/\b(?:y|yr|yrs|year|years)\s?(\d{1,2})\b/gi, ' pupil ').replace(/\b(\d{1,2})\s?(?:yo|y\/o|yr old|yrs old|year old|years old)\b/gi, ' child ');
}

/** Lower-case "send" before a word like "pupils" is still the acronym ("send kids"); otherwise a verb. */
const SEND_AS_ACRONYM = /\bsend(?= (child|children|kid|kids|pupil|pupils|student|students|needs|register|support|team|plan|provision|cohort|ehcp|ehcps|learners?|code|review|department)\b)/g;
/** The verb "send" (and "sending", "sent") names no safeguarding topic, but stems to the acronym SEND. */
const SEND_AS_VERB = /\b[Ss](end|ends|ending|ent)\b/g;

function expandCaseSensitiveAcronyms(text: string): string {
  text = text.replace(SEND_AS_ACRONYM, 'SEND').replace(SEND_AS_VERB, ' ');
  return text.replace(/\b[A-Z]{2,4}\b/g, (word) => (Object.hasOwn(CAPITALS_ONLY_ACRONYMS, word) ? CAPITALS_ONLY_ACRONYMS[word] : word));
}

/**
 * The message without Teams' markup: mention tags and other HTML dropped, entities decoded (then markup
 * dropped again, for an encoded "&lt;at&gt;"). Case is kept: capitals tell "TA" from "ta".
 */
export function plainTeamsText(raw: string): string {
  return dropMarkup(decodeEntities(dropMarkup(raw)));
}

/** Lower-case, accent-free words separated by single spaces; anything Lunr could read as syntax is gone. */
export function normaliseTeamsText(raw: string): string {
  const text = schoolYears(expandCaseSensitiveAcronyms(plainTeamsText(raw.slice(0, MAX_CHARS))));
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '') // "mum's" → "mum"
    .replace(/'/g, '') // "don't" → "dont"
    .replace(/[^a-z0-9\s]/g, ' ') // everything Lunr could read as syntax: * : ^ ~ + - and more
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return words
    .map((word) => WORD_REWRITES.get(word) ?? britishSpelling(word))
    .filter((word) => word.length > 0)
    .join(' ');
}

/**
 * The urgency form's shorthand and the plain words it stands for (whole words; order matters only within
 * one entry). Unlike the search form's, it keeps ages and years as numbers and apostrophes in place.
 */
const TEXT_SPEAK: Array<[RegExp, string]> = [
  [/\b(?:yr|yrs|year|y)\s?(\d{1,2})s?\b/g, 'year $1'],
  [/\bage (\d{1,2})\b/g, '$1 year old'],
  [/\b(\d{1,2})\s?(?:yo|y\/o|yr old|yrs old|year old|years old|year-old)\b/g, '$1 year old'],
  [/\b(?:mom|mam|mummy|mommy|mother)\b/g, 'mum'],
  [/\b(?:daddy|father)\b/g, 'dad'],
  [/\b(?:nanny|nannie|nanna)\b/g, 'nan'],
  [/\b(?:granny|grandmother)\b/g, 'gran'],
  [/\bstep[- ](dad|mum|father|mother|brother|sister)\b/g, 'step$1'],
  [/\b(?:bf|b\/f|bfriend)\b/g, 'boyfriend'],
  [/\b(?:gf|g\/f)\b/g, 'girlfriend'],
  [/\bp(?:art)?ner\b/g, 'partner'],
  [/\bsw\b/g, 'social worker'],
  [/\bdv\b/g, 'domestic abuse'],
  [/\bta\b/g, 'teaching assistant'],
  [/\btas\b/g, 'teaching assistants'],
  [/\bsws\b/g, 'social workers'],
  [/\bht\b/g, 'headteacher'],
  [/\bhead ?teacher\b/g, 'headteacher'],
  [/\b(?:tmrw|tmoz|tomoz|tomo|tmr|2moro|2morrow)\b/g, 'tomorrow'],
  [/\b(?:2day|tdy)\b/g, 'today'],
  [/\b(?:2nite|2night|tonite|tnite)\b/g, 'tonight'],
  [/\b(?:2moz|tomorow|tommorow|tommorrow)\b/g, 'tomorrow'],
  [/\b(?:rn)\b/g, 'right now'],
  [/\b(?:atm)\b/g, 'at the moment'],
  [/\b(?:asap)\b/g, 'now'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bgotta\b/g, 'got to'],
  [/\b(?:cos|coz|cuz|bc|b\/c)\b/g, 'because'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\br\b/g, 'are'],
  [/\bb4\b/g, 'before'],
  [/\bw\/\b/g, 'with '],
  [/\bppl\b/g, 'people'],
  [/\bsch\b/g, 'school'],
  [/\b(?:pls|plz)\b/g, 'please'],
  [/\b(can|won|don|didn|doesn|isn|wasn|hasn|haven|hadn|shouldn|couldn|wouldn|aren|weren)t\b/g, "$1't"],
  [/\b(he|she|they|we|it|that|there)s\b(?= (been|got|gone|not|going|being|had|taken|in|at|on|a|an|the|saying|told|said|scared|afraid|hurt|missing))/g, "$1's"],
  [/\b(?:im)\b/g, "i'm"],
  [/\b(?:ive)\b/g, "i've"],
  [/\b(she|he|they|we|i|you)(?:ll)\b(?= (be|kill|hurt|hit|batter|get|go|take))/g, "$1'll"],
  // Common misspellings of the words the situations rely on.
  [/\bbrusies?\b|\bbruse[sd]?\b|\bbrusing\b/g, 'bruise'],
  [/\bdisclo?sed?\b|\bdislcosed\b|\bdiscolsed\b/g, 'disclosed'],
  [/\bsuicidle\b|\bsuicdal\b|\bsucidal\b/g, 'suicidal'],
  [/\bcollcted\b|\bcolected\b/g, 'collected'],
  [/\bsafegaurding\b/g, 'safeguarding'],
  [/\bmisssing\b|\bmisisng\b/g, 'missing'],
  [/\btabs\b/g, 'tablets'],
  [/\b(?:od'?d|od'?ed|o\.d\.?'?d)\b/g, 'overdosed'],
  [/\b(?:dosent|doesent|dosn't|dosnt)\b/g, "doesn't"],
  [/\b(?:stomache|stomac)\b/g, 'stomach'],
];

/**
 * The urgency form (see the top of this file): lower case, plain quotes and dashes, text-speak expanded,
 * punctuation and apostrophes inside words kept. The caller bounds the length.
 */
export function normaliseMessage(text: string): string {
  let plain = plainTeamsText(text)
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    // Quote marks around words ("will 'batter her'") go; apostrophes inside words ("won't") stay.
    .replace(/(^|[^a-z])'+|'+(?![a-z])/g, '$1 ');
  for (const [pattern, replacement] of TEXT_SPEAK) plain = plain.replace(pattern, replacement);
  return plain.replace(/\s+/g, ' ').trim();
}
