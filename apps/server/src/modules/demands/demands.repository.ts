import type { Executor } from '../../db/client';
import { demands } from '../../db/schema/index';
import { findPublicationRows, getPublicationRow, type PublicationRecordRow, type PublicationStore } from '../achievements';

/** A demand as stored, with its region's path and name and its enterprise's name. */
export type DemandRow = typeof demands.$inferSelect & {
  regionPath: string | null;
  regionName: string | null;
  enterpriseOrganizationName: string | null;
};

const store: PublicationStore<typeof demands> = { table: demands, organizationId: demands.enterpriseOrganizationId };

const flatten = ({ record, organizationName, ...located }: PublicationRecordRow<typeof demands>): DemandRow => ({
  ...record,
  ...located,
  enterpriseOrganizationName: organizationName,
});

/** A live demand by id, or undefined. */
export async function getDemandRow(db: Executor, id: string): Promise<DemandRow | undefined> {
  const row = await getPublicationRow(db, store, id);
  return row ? flatten(row) : undefined;
}

/** Live demands by id (any order). */
export async function findDemandRows(db: Executor, ids: readonly string[]): Promise<DemandRow[]> {
  return (await findPublicationRows(db, store, ids)).map(flatten);
}
