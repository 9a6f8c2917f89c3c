import { roleHas } from '@stip/contracts';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';

/**
 * Who may do what with experts and panels, in one place:
 * - the pool is read by `expert:read` holders (city, county and department staff); phone and ID
 *   number are shown in full only to `expert:write` holders (city staff), masked to the others;
 * - `expert:write` holders keep the pool, draw panels, choose chairs — for applications in their
 *   region subtree;
 * - a panel is seen by `expert:read` holders whose region subtree holds the application, and by its
 *   own experts (after declaring no conflict: before, they see only the applicant's name, type and
 *   organisation, to judge a conflict);
 * - a seat is declared and scored only by its own expert (experts.user_id = the actor), and the
 *   consensus recorded only by the panel's chair.
 */
export function canKeepPool(actor: Actor): boolean {
  return roleHas(actor.role, 'expert:write');
}

/** Whether the actor sees contact data in full. */
export function seesContactData(actor: Actor): boolean {
  return canKeepPool(actor);
}

/** Whether the actor oversees panels of an application located at `regionPath` (staff in scope). */
export function overseesApplication(actor: Actor, regionPath: string): boolean {
  if (!roleHas(actor.role, 'expert:read')) return false;
  const root = actorRegionPath(actor);
  if (root === 'nothing') return false;
  return root === null || regionPath.startsWith(root);
}

/** Whether the actor may draw and manage panels of an application located at `regionPath`. */
export function managesApplication(actor: Actor, regionPath: string): boolean {
  return canKeepPool(actor) && overseesApplication(actor, regionPath);
}

/** 138****1234: the first three and last four digits of a phone number. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return `${phone.slice(0, 1)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 5101**********1234: the first four and last four characters of an ID number. */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber;
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
