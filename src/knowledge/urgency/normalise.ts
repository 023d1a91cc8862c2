/**
 * Puts a Teams message into one plain form before urgency is judged, so the situation table can be
 * written once in plain English: staff type in a hurry ("yr 7", "bf", "2nite", "wont"), Teams sends
 * HTML entities and mention tags, and phones send curly quotes.
 */

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"' };

/** Whole-word shorthand and the plain words it stands for. Order matters only within one entry. */
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

export function normaliseMessage(text: string): string {
  let plain = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? whole)
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    // Quote marks around words ("will 'batter her'") go; apostrophes inside words ("won't") stay.
    .replace(/(^|[^a-z])'+|'+(?![a-z])/g, '$1 ');
  for (const [pattern, replacement] of TEXT_SPEAK) plain = plain.replace(pattern, replacement);
  return plain.replace(/\s+/g, ' ').trim();
}
