/**
 * Turns a message as staff type it in Teams into plain lower-case words the pack's own vocabulary uses.
 * Teams sends HTML (entities, <at> mentions), and staff write text-speak ("y9", "sw", "strat"), American
 * or misspelt words ("behavior", "parnets") and acronyms that are also English words ("SEND" the acronym
 * against "send the file"). Everything here is a fixed table applied in process: no model, no network.
 */

/** Long stories are fine, but only the start is read: enough for any real question, cheap for any input. */
export const MAX_CHARS = 2000;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", ndash: '-', mdash: '-', hellip: '...' };

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

/** Lower-case, accent-free words separated by single spaces; anything Lunr could read as syntax is gone. */
export function normaliseTeamsText(raw: string): string {
  const text = schoolYears(expandCaseSensitiveAcronyms(dropMarkup(decodeEntities(dropMarkup(raw.slice(0, MAX_CHARS))))));
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
