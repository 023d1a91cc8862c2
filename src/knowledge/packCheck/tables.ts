/**
 * The words `pack:check` looks for, kept as data in one place so a content lead can read and extend them
 * without touching the rules. Patterns are case-insensitive and matched against plain text.
 */

/**
 * Topics where a referral must never wait for consent or for a talk with the family (Working Together 2023,
 * KCSIE Part 1): an answer is "about" a topic when its id, title, tags or summary match.
 */
export const CONSENT_NEVER_FIRST_TOPICS: ReadonlyArray<{ topic: string; pattern: RegExp }> = [
  { topic: 'significant harm', pattern: /significant harm|section 47|\bs47\b|child protection (enquir|investigat|referral)|physical abuse|non-accidental|unexplained (injur|bruis)/i },
  { topic: 'exploitation', pattern: /exploit|county lines|\bcse\b|\bcce\b|traffick|grooming/i },
  { topic: 'FGM', pattern: /\bfgm\b|female genital mutilation|genital/i },
  { topic: 'sexual abuse', pattern: /sexual(ly)? (abuse|assault|harm|exploit)|sexualised|\brape\b|abuse.*sexual/i },
  { topic: 'allegations against staff', pattern: /allegation|\blado\b|against (a )?(member of )?staff|about the headteacher/i },
];

/** Advice to seek consent, or to go to the family, before the front door. */
export const CONSENT_FIRST_PHRASES: readonly RegExp[] = [
  /\b(get|gain|obtain|seek|ask for|have) (their|the family'?s|the family’s|parental|the parents'?|the parents’|parents'?|parents’|the carers'?|the carers’) (consent|agreement|permission)/i,
  /\bwith (the family'?s|the family’s|their|the parents'?|the parents’|parental) (agreement|consent|permission)/i,
  /\b(talk|speak) (with|to) the (family|parents|carers)( and [^.]*)? (first|before)/i,
  /\bgather (a )?(fuller|full|clearer|better) picture with the (family|parents)/i,
  /\bask (the )?(parents|family|carers)['’]? (for )?permission/i,
  /\b(tell|inform) (the )?(parents|family|carers) (first|before (you )?(refer|contact|call|ring))/i,
  /\bconsent (first|before (you )?(refer|contact|call|ring))/i,
];

/** A sentence with one of these says consent is NOT needed, so it must not count as consent-first. */
export const NEGATIONS: readonly RegExp[] = [
  /\b(do|does|did)( not|n['’]t) (need|have to|require|wait)/i,
  /\b(is|are)( not|n['’]t) (needed|required|necessary)/i,
  /\bnever (needs?|requires?|wait)/i,
  /\bwithout (their |the family'?s |the family’s |parental |the parents'?|the parents’ )?(consent|agreement|permission)/i,
  /\bno need (for|to)/i,
  /\b(do not|don['’]t|must not|mustn['’]t|should not|shouldn['’]t|never) (ask|seek|get|wait|talk|speak|tell|inform|gather)/i,
  /\bnot (a|the) (precondition|condition)/i,
];

/** Words that say a fact is doubtful; the card must then carry the `unverified:` warning. */
export const HEDGES: readonly RegExp[] = [
  /\bunverified\b/i,
  /\bnot (been )?confirmed\b/i,
  /\bcould not (be )?confirm/i,
  /\bno public source/i,
  /\bmay have ended\b/i,
  /\bmay be out of date\b/i,
];

/**
 * National documents whose landing page is not a useful citation: each has sections (parts, chapters,
 * annexes) a source can point at instead. Compared without a trailing slash, query or fragment.
 */
export const LANDING_PAGES: ReadonlyArray<{ url: string; document: string }> = [
  { url: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2', document: 'Keeping children safe in education' },
  { url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2', document: 'Working together to safeguard children' },
];

/** How long a review stays current before pack:check warns. */
export const REVIEW_VALID_MONTHS = 12;
