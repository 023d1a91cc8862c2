/**
 * Every permission, one file per resource. A rule reads like the product's rule and checks the school
 * (where the resource has one) before the role; use cases call them, and routes may call them too.
 */
export * from './channels';
export * from './directory';
export * from './feedback';
export * from './outcomes';
export * from './questions';
export * from './referrals';
export * from './roles';
export type { User } from './people';
export * from './schoolPeople';
export * from './updates';
