import { eq, sql, type SQL } from 'drizzle-orm';
import { platformVersions } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { platformScope } from '../platforms';
import type { AnnualReportMover } from './annual-reports.lifecycle';

/**
 * Who sees and moves which annual reports, in one place:
 * - host users: the reports of the platforms their own organisation hosts (read, fill, submit);
 * - county staff: reports of platforms in their region subtree (read; pre-review those below the city);
 * - city staff: every report in their subtree (read; review; open years; edit forms);
 * - department staff and leaders: read what the platform registry shows them (types they supervise / the city);
 * - anyone else sees nothing. Out-of-scope reports answer 404.
 */
export function reportScope(actor: Actor): SQL {
  if (actor.role === 'host_user') {
    return actor.organizationId ? eq(platformVersions.hostOrganizationId, actor.organizationId) : sql`false`;
  }
  if (actor.role === 'city_staff' || actor.role === 'county_staff' || actor.role === 'department_staff' || actor.role === 'leader') {
    return platformScope(actor) ?? sql`false`;
  }
  return sql`false`;
}

/** The part the actor plays on a report it sees: host, county pre-reviewer, city reviewer, or none. */
export function moverFor(actor: Actor, report: { hostOrganizationId: string }): AnnualReportMover | null {
  switch (actor.role) {
    case 'host_user':
      return actor.organizationId === report.hostOrganizationId ? 'host' : null;
    case 'county_staff':
      return 'county';
    case 'city_staff':
      return 'city';
    default:
      return null;
  }
}

/** Only city staff open reporting years and keep the indicator forms. */
export function canManageReporting(actor: Actor): boolean {
  return actor.role === 'city_staff';
}
