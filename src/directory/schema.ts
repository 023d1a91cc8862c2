/**
 * The directory's shape: schools and the people who use the bot, with their role.
 */
import { z } from 'zod';
import { ROLES, SCHOOL_ROLES, type Role } from '../policies/roles';
import { oneLine } from '../validation/formFields';

/** The roles are the permissions' (policies/roles.ts); re-exported for everything that reads the directory. */
export { ROLES, SCHOOL_ROLES, type Role };

/**
 * A person's or a school's name as cards show it: one line, without bidi controls or other invisible
 * characters (a U+202E in a name can make it read as someone else's), and short enough for every card.
 */
const displayName = (max: number) =>
  z
    .string()
    .transform(oneLine)
    .pipe(z.string().min(2, 'Enter a name of at least 2 characters').max(max, `Keep the name under ${max} characters`));

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id such as "sample-primary"');

export const schoolSchema = z
  .object({
    id,
    name: displayName(120),
    urn: z.string().regex(/^\d{6}$/, 'a DfE URN has six digits'),
    phase: z.enum(['primary', 'secondary', 'special', 'all-through', 'alternative']),
    teamsTeamId: z.string().min(1).optional(),
  })
  .strict();

export type School = z.infer<typeof schoolSchema>;

export const personSchema = z
  .object({
    name: displayName(100),
    /** Entra object id: what Teams sends with every message (activity.from.aadObjectId). */
    aadObjectId: z.string().min(1),
    /** For people reading the file; not used to recognise anyone. */
    upn: z.string().email().optional(),
    role: z.enum(ROLES),
    school: id.optional(),
  })
  .strict()
  .refine((p) => !SCHOOL_ROLES.includes(p.role) || p.school, {
    message: 'school roles (dsl, deputy-dsl, headteacher, staff) need a school',
    path: ['school'],
  })
  .refine((p) => SCHOOL_ROLES.includes(p.role) || !p.school, {
    message: 'council roles (early-help, front-door, admin) do not belong to a school',
    path: ['school'],
  });

export type Person = z.infer<typeof personSchema>;

export const directoryFileSchema = z
  .object({ schools: z.array(schoolSchema), people: z.array(personSchema) })
  .strict()
  .superRefine((directory, ctx) => {
    const schoolIds = new Set(directory.schools.map((s) => s.id));
    const seen = new Set<string>();
    directory.people.forEach((person, index) => {
      const key = person.aadObjectId.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['people', index, 'aadObjectId'], message: 'appears twice' });
      seen.add(key);
    });
    directory.people.forEach((person, index) => {
      if (person.school && !schoolIds.has(person.school)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['people', index, 'school'],
          message: `"${person.school}" is not a school in this file`,
        });
      }
    });
  });

export type DirectoryData = z.infer<typeof directoryFileSchema>;
