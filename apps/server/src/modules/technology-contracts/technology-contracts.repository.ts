import { and, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { achievements, demands, organizations, regions, technologyContracts, users } from '../../db/schema/index';
import { escapeLike, likePrefix } from '../../shared/scope';

const sellerOrganization = alias(organizations, 'seller_organization');
const buyerOrganization = alias(organizations, 'buyer_organization');
const creator = alias(users, 'contract_creator');

const contractFields = {
  contract: technologyContracts,
  regionName: regions.name,
  regionPath: regions.path,
  sellerOrganizationName: sellerOrganization.name,
  buyerOrganizationName: buyerOrganization.name,
  achievementTitle: achievements.title,
  demandTitle: demands.title,
  createdByName: creator.displayName,
};
export type ContractRow = Awaited<ReturnType<typeof selectContracts>>[number];
export type ContractRecord = typeof technologyContracts.$inferSelect;

function selectContracts(db: Executor, where: SQL | undefined) {
  return db
    .select(contractFields)
    .from(technologyContracts)
    .innerJoin(regions, eq(regions.id, technologyContracts.regionId))
    .leftJoin(sellerOrganization, eq(sellerOrganization.id, technologyContracts.sellerOrganizationId))
    .leftJoin(buyerOrganization, eq(buyerOrganization.id, technologyContracts.buyerOrganizationId))
    .leftJoin(achievements, eq(achievements.id, technologyContracts.achievementId))
    .leftJoin(demands, eq(demands.id, technologyContracts.demandId))
    .leftJoin(creator, eq(creator.id, technologyContracts.createdBy))
    .where(and(isNull(technologyContracts.deletedAt), where));
}

export interface ContractFilter {
  /** The actor's subtree (null: anywhere). */
  root: string | null;
  regionPath?: string | undefined;
  q?: string | undefined;
  registeredFrom?: string | undefined;
  registeredTo?: string | undefined;
  leadId?: string | undefined;
}

function conditions(filter: ContractFilter): SQL | undefined {
  const t = technologyContracts;
  return and(
    filter.root === null ? undefined : sql`${regions.path} like ${likePrefix(filter.root)}`,
    filter.regionPath ? sql`${regions.path} like ${likePrefix(filter.regionPath)}` : undefined,
    filter.q
      ? or(
          ilike(t.registrationNumber, escapeLike(filter.q)),
          ilike(t.title, escapeLike(filter.q)),
          ilike(t.sellerName, escapeLike(filter.q)),
          ilike(t.buyerName, escapeLike(filter.q)),
        )
      : undefined,
    filter.registeredFrom ? sql`${t.registeredOn} >= ${filter.registeredFrom}` : undefined,
    filter.registeredTo ? sql`${t.registeredOn} <= ${filter.registeredTo}` : undefined,
    filter.leadId ? eq(t.leadId, filter.leadId) : undefined,
  );
}

/** A page of contracts (latest registered first), the count and the amount of all that match. */
export async function findContractRows(db: Executor, filter: ContractFilter, page: { limit: number; offset: number }) {
  const where = conditions(filter);
  const [rows, [totals]] = await Promise.all([
    selectContracts(db, where)
      .orderBy(desc(technologyContracts.registeredOn), desc(technologyContracts.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: count(), amount: sql<string>`coalesce(sum(${technologyContracts.amount}), 0)` })
      .from(technologyContracts)
      .innerJoin(regions, eq(regions.id, technologyContracts.regionId))
      .where(and(isNull(technologyContracts.deletedAt), where)),
  ]);
  return { rows, total: Number(totals?.total ?? 0), amount: Number(totals?.amount ?? 0) };
}

export async function getContractRow(db: Executor, id: string): Promise<ContractRow | undefined> {
  const [row] = await selectContracts(db, eq(technologyContracts.id, id));
  return row;
}

/** The live contract holding a registration number, if any. */
export async function findLiveByRegistrationNumber(db: Executor, registrationNumber: string) {
  const [row] = await db
    .select({ id: technologyContracts.id })
    .from(technologyContracts)
    .where(and(eq(technologyContracts.registrationNumber, registrationNumber), isNull(technologyContracts.deletedAt)));
  return row;
}

export type NewContract = Omit<typeof technologyContracts.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertContract(db: Executor, values: NewContract): Promise<ContractRecord> {
  const [row] = await db.insert(technologyContracts).values(values).returning();
  return row!;
}

export async function updateContractVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewContract> & { deletedAt?: Date },
): Promise<ContractRecord | undefined> {
  const [row] = await db
    .update(technologyContracts)
    .set({ ...changes, version: sql`${technologyContracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(technologyContracts.id, id), eq(technologyContracts.version, version), isNull(technologyContracts.deletedAt)))
    .returning();
  return row;
}

export async function regionOf(db: Executor, id: string) {
  const [row] = await db.select({ id: regions.id, path: regions.path, name: regions.name }).from(regions).where(eq(regions.id, id));
  return row;
}

export function findOrganizationNames(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, [...ids]), isNull(organizations.deletedAt)));
}

export async function achievementExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: achievements.id })
    .from(achievements)
    .where(and(eq(achievements.id, id), isNull(achievements.deletedAt)));
  return Boolean(row);
}

export async function demandExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: demands.id })
    .from(demands)
    .where(and(eq(demands.id, id), isNull(demands.deletedAt)));
  return Boolean(row);
}
