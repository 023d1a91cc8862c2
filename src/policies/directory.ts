/**
 * Who sees and changes the directory (every school and person): the council's admins only. The directory
 * spans every school, so no school role reaches it, whatever school its changes name.
 */
import { has, type User } from './people';

export function canManageDirectory(user: User | undefined): boolean {
  return has(user, ['admin']);
}
