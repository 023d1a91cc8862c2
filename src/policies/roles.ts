/**
 * The roles the directory gives people. They live with the rules because a role means nothing but what it
 * may do; the directory's schema takes its list from here.
 */
export const ROLES = ['dsl', 'deputy-dsl', 'headteacher', 'staff', 'early-help', 'front-door', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to one school; the others work across the local authority. */
export const SCHOOL_ROLES: readonly Role[] = ['dsl', 'deputy-dsl', 'headteacher', 'staff'];

/** A school's safeguarding leads: they see the school's referrals and its people. */
export const SCHOOL_SAFEGUARDING: readonly Role[] = ['dsl', 'deputy-dsl', 'headteacher'];
