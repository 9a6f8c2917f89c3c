import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { platformScope } from '../platforms';

/**
 * The taxonomy itself is shared reference data: everyone with taxonomy:read sees every system and
 * type, and only city staff change it (the permission table). What differs per actor is a type's
 * platform count, which counts exactly the platforms the actor sees in the registry — the registry's
 * own scope condition on `platform_versions` (region subtree; department staff also only the types
 * their organisation supervises; host users what their organisation hosts or co-builds).
 */
export function platformCountScope(actor: Actor | null): SQL | undefined {
  return platformScope(actor);
}
