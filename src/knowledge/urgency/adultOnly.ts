/**
 * Safeguarding for adults (an elderly neighbour, a learner in an adult class) is the council's adult social care,
 * which this pack does not cover. A message about an adult at risk that names no child is neither urgent for the
 * front door nor answered; one that mentions a child in any way ("our two", "the grandkids", "her son") is both.
 */
const ADULT_ONLY =
  /\b(elderly|pensioner|older (person|people|adult|lady|man|woman)|vulnerable adults?|adult (safeguarding|social care|services|education|learners?|learning|class|college)|care home residents?|dementia)\b/;
const CHILD_MENTIONED =
  /\b(child|children|childs|kids?|pupils?|students?|baby|babies|toddler|infant|boy|girl|lad|lads|teen\w*|young (person|people)|minor|under 18|year \d+|\d+ year old|reception|nursery|school ?(boy|girl)|grandchild\w*|grandkids?|grand(son|daughter)s?|sons?|daughters?|little ones?|our (two|three|four|five)|(my|our|little|young) (nieces?|nephews?))\b/;

/** "abused by her son": a grown-up relative who harms the adult is not a child in the story. */
const GROWN_UP_RELATIVE = /\bby (her|his|their) (adult )?(sons?|daughters?|grandsons?|granddaughters?|nephews?|nieces?)\b/g;

/** True when the person at risk is plainly an adult and no child is mentioned. */
export function isAboutAdultOnly(normalisedText: string): boolean {
  return ADULT_ONLY.test(normalisedText) && !CHILD_MENTIONED.test(normalisedText.replace(GROWN_UP_RELATIVE, ' '));
}
