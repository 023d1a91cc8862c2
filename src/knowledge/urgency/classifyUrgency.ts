/**
 * Urgency from the situation a message describes: `emergency` (a child in immediate danger: 999 first),
 * `today` (the front door must hear before the child goes home) or `none`. Deterministic and in process:
 * normalise the text, find the situations in situations.ts whose cues are all present and not negated,
 * then drop them when the message is a question about procedure, a hypothetical or a resolved past matter.
 * When no named situation matches, the broad net (broadNet.ts) still flags a story about a particular child,
 * something harmful, and a sign that it is current or was just told.
 */
import { isAboutAdultOnly } from './adultOnly';
import { broadNet } from './broadNet';
import { framingOf, type Framing } from './framing';
import { isNegatedAt } from './negation';
import { normaliseMessage } from '../textNormaliser';
import { GOING_HOME_TIME, SITUATIONS, type Cue, type Situation, type UrgencyTier } from './situations';

export type Urgency = UrgencyTier | 'none';

export interface UrgencyVerdict {
  urgency: Urgency;
  /** Why, in one sentence for the card ("a child is afraid to go home"); null when not urgent. */
  reason: string | null;
  /** The situation table row that decided it (for tests and the README; never logged with the text). */
  situation: string | null;
  /** How the message framed what it describes; a situation framed any way but "situation" is not urgent. */
  framing: Framing;
}

const TIER_ORDER: UrgencyTier[] = ['emergency', 'today'];
/** A pasted essay is read up to here: about 500 words, more than any real message, and it bounds the time. */
export const MAX_MESSAGE_CHARS = 3000;

export function classifyUrgency(text: string): UrgencyVerdict {
  const message = normaliseMessage(text.slice(0, MAX_MESSAGE_CHARS));
  const framing = framingOf(message);
  // Adult safeguarding with no child in it is adult social care's, not a same-day call to the children's front door.
  if (isAboutAdultOnly(message)) return { urgency: 'none', reason: null, situation: null, framing };
  const applies = (situation: Situation) => framing === 'situation' || (framing === 'resolved' && situation.stillLiveWhenPast === true);
  const found = SITUATIONS.filter((situation) => applies(situation) && describes(message, situation));
  const decisive = TIER_ORDER.map((tier) => found.find((situation) => situation.tier === tier)).find(Boolean);
  if (!decisive) return framing === 'situation' && broadNet(message) ? broadNetVerdict(framing) : { urgency: 'none', reason: null, situation: null, framing };
  return { urgency: decisive.tier, reason: reasonFor(decisive, message), situation: decisive.id, framing };
}

/**
 * The broad net's verdict: it names no particular situation, so its reason says so honestly and tells the
 * reader what to do when unsure.
 */
function broadNetVerdict(framing: Framing): UrgencyVerdict {
  return { urgency: 'today', reason: BROAD_NET_REASON, situation: 'child-at-risk-now', framing };
}

const BROAD_NET_REASON =
  'This reads like a particular child may be at risk today: ring the front door now. If you are not sure, ring the front door before the child goes home and talk it through.';

function describes(message: string, situation: Situation): boolean {
  if (situation.unless?.test(message)) return false;
  const scopes = situation.sameSentence ? message.split(/[.!?;\n]+/) : [message];
  return scopes.some((scope) => situation.cues.every((cue) => cueFound(scope, cue)));
}

/** A cue counts when at least one of its occurrences is not negated ("no marks, but a bruise on her arm"). */
function cueFound(message: string, cue: Cue): boolean {
  for (const match of message.matchAll(cue.pattern)) {
    if (!cue.negatable || !isNegatedAt(message, match.index)) return true;
  }
  return false;
}

function reasonFor(situation: Situation, message: string): string {
  const time = GOING_HOME_TIME.exec(message)?.[1];
  const what = time && situation.reasonWithTime ? situation.reasonWithTime.replace('{time}', time) : situation.reason;
  const action = situation.tier === 'emergency' ? 'call 999 now' : 'ring the front door now';
  return [`${capitalise(what)}: ${action}.`, situation.advice].filter(Boolean).join(' ');
}

const capitalise = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);

/**
 * V8 compiles a regex the first time it runs and again, to machine code, the second time. Doing both at
 * start-up (0.1–0.4 s for the whole table) keeps that cost off the first real question.
 */
function compilePatternsNow(): void {
  const sample = "year 7 says mum's boyfriend hit him, he's scared to go home at 3 and won't say how he got the bruise";
  for (let run = 0; run < 2; run += 1) classifyUrgency(sample);
  for (const situation of SITUATIONS) {
    for (let run = 0; run < 2; run += 1) {
      situation.unless?.test(sample);
      for (const cue of situation.cues) Array.from(sample.matchAll(cue.pattern));
    }
  }
}

compilePatternsNow();
