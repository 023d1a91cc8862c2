import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyUrgency, MAX_MESSAGE_CHARS, type Urgency } from '../../src/knowledge/urgency/classifyUrgency';
import { findConcepts, inflect, VOCABULARY_SIZE } from '../../src/knowledge/urgency/concepts';
import { isNegatedAt } from '../../src/knowledge/urgency/negation';
import { normaliseMessage } from '../../src/knowledge/textNormaliser';

interface Labelled {
  tier: Urgency;
  group: string;
  message: string;
}

/** Reads a labelled-sentence file: tier, group and message, tab separated; # starts a comment line. */
function labelled(file: string): Labelled[] {
  return readFileSync(path.join(__dirname, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [tier, group, message] = line.split('\t');
      return { tier: tier as Urgency, group, message };
    });
}

const TUNED = labelled('urgency-sentences.tsv');
const HELD_OUT = labelled('urgency-heldout.tsv');
/** Batch 5's first and only score before any change: the held-out measure of the broad net. */
const FRESH_5_FLOOR = 23;

describe('urgency from the situation a message describes', () => {
  it('has at least 200 labelled messages, with positives and negatives', () => {
    expect(TUNED.length).toBeGreaterThanOrEqual(200);
    for (const tier of ['emergency', 'today', 'none']) expect(TUNED.filter((row) => row.tier === tier).length).toBeGreaterThan(25);
  });

  it.each(TUNED.map((row) => [row.tier, row.group, row.message]))('%s (%s): %s', (tier, _group, message) => {
    expect(classifyUrgency(message).urgency).toBe(tier);
  });

  it('flags every urgent message written after tuning, with at most 5% false alarms', () => {
    const urgent = HELD_OUT.filter((row) => row.tier !== 'none');
    const calm = HELD_OUT.filter((row) => row.tier === 'none');
    const missed = urgent.filter((row) => classifyUrgency(row.message).urgency === 'none').map((row) => row.message);
    const falseAlarms = calm.filter((row) => classifyUrgency(row.message).urgency !== 'none').map((row) => row.message);
    expect(missed).toEqual([]);
    expect(falseAlarms.length / calm.length).toBeLessThanOrEqual(0.05);
  });

  /**
   * Fresh batches, each written before the classifier saw it: 1 and 2 were scored once and then used to find
   * general causes (they now pass in full); 3 was scored once (17 of 25) and its misses showed that adding
   * phrases did not carry over, which led to the broad net (concepts.ts, broadNet.ts); 4 and 5 were written
   * before the broad net was built: 4 was scored once midway (25 of 25, no false alarms; but its wording was
   * fresh in mind while the vocabulary was written, so that score flatters) and 5 was scored once and never
   * tuned on (18 of 25, no false alarms), so its floor is that first score and it may only go up.
   */
  it.each([
    ['urgency-fresh-1.tsv', 25],
    ['urgency-fresh-2.tsv', 25],
    ['urgency-fresh-3.tsv', 25],
    ['urgency-fresh-4.tsv', 25],
    ['urgency-fresh-5.tsv', FRESH_5_FLOOR],
  ] as const)('fresh batch %s: at least %i of 25 urgent messages flagged, at most 5%% false alarms', (file, minimumFlagged) => {
    const rows = labelled(file);
    const urgent = rows.filter((row) => row.tier !== 'none');
    const calm = rows.filter((row) => row.tier === 'none');
    const flagged = urgent.filter((row) => classifyUrgency(row.message).urgency !== 'none');
    const falseAlarms = calm.filter((row) => classifyUrgency(row.message).urgency !== 'none');
    expect(urgent.length).toBe(25);
    if (minimumFlagged === urgent.length) expect(urgent.filter((row) => !flagged.includes(row)).map((row) => row.message)).toEqual([]);
    expect(flagged.length).toBeGreaterThanOrEqual(minimumFlagged);
    expect(falseAlarms.length / calm.length).toBeLessThanOrEqual(0.05);
  });

  it('flags a current story about a particular child that no named situation covers, and says so honestly', () => {
    expect(classifyUrgency('year 4 girl came in this morning with blood on her sleeve and is terrified')).toMatchObject({
      urgency: 'today',
      situation: 'child-at-risk-now',
      reason:
        'This reads like a particular child may be at risk today: ring the front door now. If you are not sure, ring the front door before the child goes home and talk it through.',
    });
    expect(classifyUrgency('what are the signs that a child is terrified of going home')).toMatchObject({ urgency: 'none' });
    expect(classifyUrgency('he told me his dad beat him at chess again last night')).toMatchObject({ urgency: 'none' });
  });

  it('treats domestic abuse last night as today when the adult is still at home, but not a bare notification', () => {
    expect(classifyUrgency("she says dad punched mum last night and he's still at home")).toMatchObject({ urgency: 'today' });
    expect(classifyUrgency('what does operation encompass mean, we got a notification this morning')).toMatchObject({ urgency: 'none' });
  });

  it('says why, naming the time the child goes home when the message gives it', () => {
    expect(classifyUrgency('a pupil says her stepdad hit her and he collects her at 3.15')).toMatchObject({
      urgency: 'today',
      situation: 'harm-by-someone-at-home',
      reason: 'A child has said someone at home hurt them and goes home at 3.15: ring the front door now.',
    });
    expect(classifyUrgency('a boy has a knife in his bag').reason).toBe(
      'A child or adult has a weapon, or has threatened to use one: call 999 now.',
    );
    expect(classifyUrgency('what are family hubs')).toMatchObject({ urgency: 'none', reason: null, situation: null });
  });

  it('treats a hypothetical disclosure as a question about procedure, but not once a real child is described', () => {
    expect(classifyUrgency('what if a child tells me mum hits her')).toMatchObject({ urgency: 'none', framing: 'hypothetical' });
    expect(classifyUrgency('what is our duty when a child has FGM')).toMatchObject({ urgency: 'none' });
    expect(classifyUrgency('what do I do, a child has just told me mum hits her')).toMatchObject({
      urgency: 'today',
      framing: 'situation',
    });
    expect(classifyUrgency('if a pupil told me they were hurt at home but asked me to keep it secret what would i do')).toMatchObject({
      urgency: 'none',
      framing: 'hypothetical',
    });
    expect(
      classifyUrgency('if we suspected a pupil was going to be taken abroad to be married what would the front door want'),
    ).toMatchObject({ urgency: 'none', framing: 'hypothetical' });
  });

  it('treats a past, resolved matter as not urgent unless something is happening again now', () => {
    expect(classifyUrgency('two years ago she said her dad hit her, it was referred, how do I log it')).toMatchObject({
      urgency: 'none',
      framing: 'resolved',
    });
    expect(classifyUrgency('two years ago she said her dad hit her, and today he hit her again')).toMatchObject({ urgency: 'today' });
  });

  it('decides in well under a millisecond a message', () => {
    const messages = TUNED.map((row) => row.message);
    for (const message of messages) classifyUrgency(message);
    const started = performance.now();
    for (let round = 0; round < 5; round += 1) for (const message of messages) classifyUrgency(message);
    expect((performance.now() - started) / (5 * messages.length)).toBeLessThan(1);
  });

  it('reads a pasted essay only up to MAX_MESSAGE_CHARS, so even a hostile one is quick', () => {
    const hostile = "mum's boyfriend dad uncle nan ".repeat(400) + 'hit him';
    classifyUrgency(hostile);
    const started = performance.now();
    expect(classifyUrgency(hostile).urgency).toBe('none');
    expect(performance.now() - started).toBeLessThan(50);
    expect(hostile.length).toBeGreaterThan(MAX_MESSAGE_CHARS);
  });
});

describe('the broad net: categories of meaning, not phrases', () => {
  it('inflects verbs by rule, so one stem covers every form staff type', () => {
    expect(inflect('punch')).toEqual(expect.arrayContaining(['punch', 'punches', 'punched', 'punching']));
    expect(inflect('slap')).toEqual(expect.arrayContaining(['slaps', 'slapped', 'slapping']));
    expect(inflect('shove')).toEqual(expect.arrayContaining(['shoves', 'shoved', 'shoving']));
    expect(inflect('beat', ['beat', 'beaten'])).toEqual(expect.arrayContaining(['beats', 'beating', 'beaten']));
  });

  it('has a large vocabulary and finds each category in a message', () => {
    expect(VOCABULARY_SIZE).toBeGreaterThan(500);
    const found = [
      ...findConcepts(
        normaliseMessage("y3 lad says his uncle leathered him, he's got welts and he's terrified, uncle collects at 3"),
      ).keys(),
    ];
    expect(found).toEqual(expect.arrayContaining(['child', 'harmAct', 'injury', 'fear', 'harmer', 'immediacy', 'disclosure']));
  });

  it('flags a child + harm + (now or a disclosure) in wording no named situation was written for', () => {
    for (const message of [
      'lad in y8 has got a split lip and says his stepdad lamped him',
      'year 2 girl told me grandad gets into the bath with her',
      'my tutee showed me the welts on her legs, her nan belts her',
      'kid in y5 said his mum squeezes his arms till they go purple and he showed me the marks',
    ]) {
      expect(classifyUrgency(message).urgency, message).toBe('today');
    }
  });

  it('does not flag the same words used for school life, games, accidents, lessons or a case already dealt with', () => {
    for (const message of [
      'y9 girl told me she got low marks in her maths test and her mum will be cross',
      'y5 boy said his mum cut his hair really short last night and he is upset',
      'y8 boy kicked off in science today and threw a chair, how do we log it',
      'our year 11s are doing a unit on knife crime this week, any local speakers?',
      'y4 said his dog bit him at the weekend, it is healing fine',
      'y6 girl twisted her ankle at lunch and is limping, mum picks up at 3.15',
      'a year 3 boy hit another boy in the playground, both are fine',
      'Following up on yesterday: the boy who said dad hit him has had a strategy discussion and is with his aunt under a safety plan',
    ]) {
      expect(classifyUrgency(message).urgency, message).toBe('none');
    }
  });

  it('lets a new event outweigh a case already dealt with, and recent words outweigh old ones', () => {
    expect(classifyUrgency('he is under a safety plan but today he came in with a new bruise and says dad did it').urgency).toBe('today');
    expect(
      classifyUrgency('a pupil says a supply teacher we had last term has been sending her nudes and she met him at the weekend').urgency,
    ).toBe('today');
  });
});

describe('negation scope', () => {
  const negated = (text: string, cue: string) => isNegatedAt(text, text.indexOf(cue));

  it('a negation governs the cue just after it in the same clause', () => {
    expect(negated('there are no marks on him', 'marks')).toBe(true);
    expect(negated('he says nobody hurt him', 'hurt')).toBe(true);
  });

  it('"but" or a comma ends its reach, and doubt is not denial', () => {
    expect(negated('no marks but he says dad hit him', 'hit')).toBe(false);
    expect(negated('no marks, dad hit him', 'hit')).toBe(false);
    expect(negated('not sure if dad hit him', 'hit')).toBe(false);
  });

  it('"no" and "without" negate only their own noun: a verb after them ends their reach', () => {
    expect(negated('a child with no speech has a burn mark on his hand', 'burn')).toBe(false);
    expect(negated('she came in without her coat and has bruises', 'bruises')).toBe(false);
    expect(negated('no bruises or marks on her', 'marks')).toBe(true);
    expect(negated('no one has hit him', 'hit')).toBe(true);
    expect(negated("he doesn't have a bruise", 'bruise')).toBe(true);
  });
});

describe('framing that calms a story, and what does not', () => {
  it.each([
    ['asks whether it is a concern at all', 'year 4 boy keeps drawing sexual pictures, is this normal at his age?'],
    ['sexual behaviour between children of an age', 'two year 2 girls were found showing each other their private parts at break'],
    ["a child's own self-harm, without despair", 'noticed cuts on his arm, he says he does it to cope and has no thoughts of suicide'],
    ['asks what a term means', 'what does "significant harm" mean and when do we ring the front door'],
    ['the police were called out to the incident', 'domestic abuse at the house at the weekend, police were called out, kids were asleep'],
  ])('%s is not urgent', (_why, message) => {
    expect(classifyUrgency(message).urgency).toBe('none');
  });

  it.each([
    ['sexual harm by a boyfriend', "year 10 girl says her boyfriend, who's 23, made her have sex with his mates at his flat"],
    ['FGM found, however long ago', 'year 8 told me she was cut in the summer holidays when she was 6'],
    ['a young child gone and searched for', 'year 1 boy has gone from the lunch hall and we have searched the whole building'],
  ])('%s is still urgent', (_why, message) => {
    expect(classifyUrgency(message).urgency).not.toBe('none');
  });
});

describe('normalising a Teams message', () => {
  it('decodes HTML entities and drops mention tags', () => {
    expect(normaliseMessage('<at>Safeguarding Bot</at> mum&#39;s boyfriend &amp; dad')).toBe("mum's boyfriend & dad");
  });

  it('turns curly quotes, text-speak and year groups into plain words', () => {
    expect(normaliseMessage('Y7 sez mums bf wont let him go home 2nite, sw tmrw')).toBe(
      "year 7 sez mums boyfriend won't let him go home tonight, social worker tomorrow",
    );
    expect(normaliseMessage('her 8yo brother said ‘she’s scared’')).toBe("her 8 year old brother said she's scared");
  });
});
