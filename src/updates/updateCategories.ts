/**
 * What an early-help update is about, and which schools it is for.
 */
import type { School } from '../directory/schema';

export const UPDATE_CATEGORIES = ['course', 'service-change', 'consultation', 'reminder'] as const;
export type UpdateCategory = (typeof UPDATE_CATEGORIES)[number];

export const CATEGORY_NAMES: Record<UpdateCategory, string> = {
  course: 'New course',
  'service-change': 'Service change',
  consultation: 'Consultation slots',
  reminder: 'Reminder',
};

export const AUDIENCE_CHOICES = ['all', 'primary', 'secondary', 'special', 'chosen'] as const;

export type Audience =
  { type: 'all' } | { type: 'phase'; phase: 'primary' | 'secondary' | 'special' } | { type: 'schools'; schools: string[] };

/** Whether a school is in the audience. All-through schools count as both primary and secondary. */
export function schoolIsIn(audience: Audience, school: School): boolean {
  switch (audience.type) {
    case 'all':
      return true;
    case 'schools':
      return audience.schools.includes(school.id);
    case 'phase':
      return school.phase === audience.phase || (school.phase === 'all-through' && audience.phase !== 'special');
  }
}

export function describeAudience(audience: Audience, schoolName: (id: string) => string): string {
  switch (audience.type) {
    case 'all':
      return 'All schools';
    case 'phase':
      return `${audience.phase[0].toUpperCase()}${audience.phase.slice(1)} schools`;
    case 'schools':
      return audience.schools.map(schoolName).join(', ');
  }
}

export function isCategory(value: unknown): value is UpdateCategory {
  return typeof value === 'string' && (UPDATE_CATEGORIES as readonly string[]).includes(value);
}
