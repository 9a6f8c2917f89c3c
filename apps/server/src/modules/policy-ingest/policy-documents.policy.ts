import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { actorRegionPath, likePrefix } from '../../shared/scope';
import { regions } from '../../db/schema/index';

/**
 * Who sees and changes which documents of the library (政策文件库), in one place:
 * - a document belongs to the region of the user who uploaded it;
 * - the users who may read documents into plans (`plan:write`: city and county staff) see, reopen,
 *   re-extract, download and delete the documents of their region's subtree: city staff their city's
 *   and its counties', county staff their county's only;
 * - out of scope answers 404, as if the document did not exist.
 */
export function documentScope(actor: Actor): SQL {
  const root = actorRegionPath(actor);
  if (root === 'nothing') return sql`false`;
  if (root === null) return sql`true`;
  return sql`${regions.path} like ${likePrefix(root)}`;
}
