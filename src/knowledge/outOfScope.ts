/**
 * Saying "no good match" to messages that are not about safeguarding. Staff use the same Teams chat for
 * everything, and school words ("staff", "meeting", "plan", "parents", "evening") also appear in the pack,
 * so a score threshold alone answers "what time is the staff meeting" with a weak guess. Two checks:
 *  - a message about everyday school admin, with no sign of a concern about a child (no concern word, no
 *    recognised situation), is declined;
 *  - a message about safeguarding an adult (elderly, a vulnerable adult) that names no child in any way is
 *    declined: adult social care is another service (urgency/adultOnly.ts, shared with the urgency classifier);
 *  - otherwise the best answer must match at least one word that carries meaning here: not a story word
 *    and not a word every school message uses.
 */
import { isStoryWord } from './searchQuery';
import { situationsIn } from './situationRouting';
import { isAboutAdultOnly } from './urgency/adultOnly';

/** School admin and teaching topics that the safeguarding pack never covers. */
const SCHOOL_ADMIN =
  /\b(staff (meeting|briefing)|briefing|lesson plans?|schemes? of work|annual leave|holiday entitlement|leave entitlement|parents evening|wifi|wi fi|password|printer|photocopier|projector|laptop|inset|supply teacher|cover (lesson|teacher|work)|mileage|timetable|canteen|menu|newsletter|translate|reading (group|book)|book (the|a) (hall|room)|meeting room|parking|sports day|weather|payslip|pay slip|salary|pay rise|expenses|day off|marking|mocks?|seating plan|school photos|christmas fair|nativity|uniform shop|term dates|what time does school|finish on the last day|assembly|homework|worksheet|quiz|fractions|water cycle|recommend a (good )?book|cover (my|me|for me|a|the|his|her|their) (class|lesson|lessons|group|set|period|duty)|period \d|half term|inset day|training day|christmas (do|party|meal|lunch|jumper|play|concert)|staff (do|party|social|night out|room|toilets?)|secret santa|leaving do|retirement|(school|class|residential|day) trip|risk assessment (template|form)|template for|rota|break duty|playground duty|car park|sats|data drop|spreadsheet|report cards?|stationery|invoice|ofsted dates?|email signature|reset my|log ?in|display board|phonics|spelling|predicted grades?|exam (?:board|entries|entry|results|timetable)|grade boundaries|coursework deadline|coach (?:company|companies|hire|firm|booking)|(?:a|the) trip to|snow\w*|forecast|gritt\w*|(?:closing|close|shut|shutting) the school|school closure|logg?(?:ing|ed|s)? (?:me )?out|log ?out|sign(?:ing)? (?:me )?(?:in|out)|keeps crashing|(?:teams|outlook|email|laptop|computer|ipad) (?:keeps|won't|isn't|is not|not) \w+|how (?:do|can) i fix)\b/;

/** Any sign that the message is about a child's safety or welfare after all. */
const CONCERN =
  /\b(abus\w*|harm\w*|hurt\w*|hit|hits|hitting|bruis\w*|injur\w*|neglect\w*|safeguard\w*|disclos\w*|refer\w*|mash|front door|social (care|services|worker)|dsl|designated|lado|allegation\w*|concern\w*|worr\w*|risk(?! assessment (template|form))|danger\w*|police|exploit\w*|groom\w*|missing|consent|child protection|child in need|looked after|fgm|prevent|radical\w*|self harm|suicid\w*|bull(y|ied|ying)|nudes?|domestic|assault\w*|rape\w*|sexual\w*|touch\w*|scared|afraid|unsafe|welfare|mental health|encompass|whistl\w*|kcsie|dbs|recruit\w*|drunk|smell\w*|volunteers?|vetting|barred|regulated activity|lost (a|an|one|our|the) (pupil|child|kid|student)|looking for (him|her|them))\b/;

/**
 * Words that appear in nearly every message staff send about school, whatever the topic. On their own
 * they do not show the message is about safeguarding.
 */
const EVERYDAY_SCHOOL_WORDS = new Set(
  (
    'staff meeting meetings time times tomorrow lesson lessons plan plans leave annual book booking hall room term ' +
    'printer password wifi lunch duty trip mileage claim reading group newsletter translate letter photos entitled ' +
    'support write recommend good maths english supply cover inset weather sports reset jammed email need needs ' +
    'help many much ask question work working teacher teachers parents parent team office head tell find ' +
    'number phone date dates next first new'
  ).split(' '),
);

/** True when the message is plainly about school admin or teaching, or about an adult only, not about a child's safety. */
export function isSchoolAdmin(normalisedText: string): boolean {
  if (isAboutAdultOnly(normalisedText)) return true;
  return SCHOOL_ADMIN.test(normalisedText) && !CONCERN.test(normalisedText) && situationsIn(normalisedText).length === 0;
}

/** Words in the question that can show it is about safeguarding when an answer contains them. */
export function meaningfulWords(tokens: string[]): string[] {
  return tokens.filter((token) => !isStoryWord(token) && !EVERYDAY_SCHOOL_WORDS.has(token));
}
