import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { searchDictionaryTerms } from '../../db/schema/index';
import { likePrefix } from '../../shared/scope';
import type { QueryTerm } from './search.segmenter';
import type { SearchEntity, SearchQuery } from './search.types';

/**
 * The only place the search module speaks SQL. The vectors are built in the application (search.vectors.ts)
 * and written as tsvector literals; matching uses the GIN index with `@@`, ranking `ts_rank` per query term
 * weighted by the term's IDF — plain PostgreSQL, so PGlite and PostgreSQL run the very same statements.
 */

export const searchTables = {
  achievement: {
    table: sql.raw('achievements'),
    body: sql.raw('abstract'),
    owner: sql.raw('owner_name'),
    org: sql.raw('owner_organization_id'),
  },
  demand: {
    table: sql.raw('demands'),
    body: sql.raw('description'),
    owner: sql.raw('enterprise_name'),
    org: sql.raw('enterprise_organization_id'),
  },
} as const;

/** node-postgres and PGlite both answer `{ rows }`; drizzle passes them through untyped. */
export async function rowsOf<T>(tx: Executor, statement: SQL): Promise<T[]> {
  return ((await tx.execute(statement)) as unknown as { rows: T[] }).rows;
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const textList = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

export interface IndexSource {
  id: string;
  title: string;
  body: string;
  keywords: string[];
  owner: string | null;
  /** Patent numbers (achievements) and the owner's unified social credit code. */
  codes: string[];
  /** False when the row's keywords must stay out of the index (imported with --no-keywords). */
  indexKeywords: boolean;
}

/** What the vector of each row is built from. */
export async function findIndexSources(tx: Executor, entity: SearchEntity, ids: string[]): Promise<IndexSource[]> {
  const t = searchTables[entity];
  const patents =
    entity === 'achievement'
      ? sql`coalesce((select array_agg(p->>'number') from jsonb_array_elements(r.patents) p), '{}')`
      : sql`'{}'::text[]`;
  const indexKeywords = entity === 'achievement' ? sql`r.index_keywords` : sql`true`;
  const rows = await rowsOf<{
    id: string;
    title: string;
    body: string;
    keywords: string[] | null;
    owner: string | null;
    patents: string[] | null;
    credit_code: string | null;
    index_keywords: boolean;
  }>(
    tx,
    sql`select r.id, r.title, r.${t.body} as body, r.keywords, r.${t.owner} as owner, ${patents} as patents,
          o.credit_code, ${indexKeywords} as index_keywords
        from ${t.table} r left join organizations o on o.id = r.${t.org}
        where r.id in (${uuidList(ids)})`,
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body ?? '',
    keywords: row.keywords ?? [],
    owner: row.owner,
    codes: [...(row.patents ?? []), ...(row.credit_code ? [row.credit_code] : [])].filter((code) => code),
    indexKeywords: row.index_keywords,
  }));
}

/** Writes many rows' vectors in one statement. */
export async function writeVectors(
  tx: Executor,
  entity: SearchEntity,
  vectors: { id: string; vector: string; length: number }[],
): Promise<void> {
  if (vectors.length === 0) return;
  const t = searchTables[entity];
  const values = sql.join(
    vectors.map((v) => sql`(${v.id}::uuid, ${v.vector}::tsvector, ${v.length}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${t.table} as r set search_vector = v.vector, search_length = v.length
        from (values ${values}) as v(id, vector, length) where r.id = v.id`,
  );
}

/** Average indexed length of the searchable rows (for length normalisation); 1 when empty. */
export async function averageLength(tx: Executor, entity: SearchEntity): Promise<number> {
  const t = searchTables[entity];
  const [row] = await rowsOf<{ average: number | null }>(
    tx,
    sql`select avg(search_length)::float8 as average from (select search_length from ${t.table} where deleted_at is null limit 5000) s`,
  );
  return Math.max(1, Number(row?.average ?? 1));
}

const quoteLexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
export const orQuery = (terms: string[]) => terms.map(quoteLexeme).join(' | ');

/** The rows a search may see, without the text condition. */
function scopeConditions(entity: SearchEntity, query: SearchQuery): SQL[] {
  const t = searchTables[entity];
  const where: SQL[] = [sql`r.deleted_at is null`];
  if (query.statuses?.length) where.push(sql`r.status::text in (${textList(query.statuses)})`);
  if (query.regionPath) where.push(sql`r.region_id in (select id from regions where path like ${likePrefix(query.regionPath)})`);
  if (query.organizationId) where.push(sql`r.${t.org} = ${query.organizationId}::uuid`);
  if (query.excludeIds?.length) where.push(sql`r.id not in (${uuidList(query.excludeIds)})`);
  const f = query.filters ?? {};
  const inList = (column: SQL, values: string[] | undefined) => {
    if (values?.length) where.push(sql`${column} in (${textList(values)})`);
  };
  inList(sql`r.technical_field`, f.technicalField);
  inList(sql`r.industry`, f.industry);
  inList(sql`r.region_id::text`, f.regionId);
  if (entity === 'achievement') {
    inList(sql`r.maturity::text`, f.maturity);
    inList(sql`r.owner_type::text`, f.ownerType);
  } else if (f.maturity?.length || f.ownerType?.length) {
    where.push(sql`false`);
  }
  return where;
}

export interface RankedRow {
  id: string;
  score: number;
  title: string;
  body: string;
  total: number;
}

export interface RankPlan {
  /** Terms that select the candidates (the telling ones). */
  selecting: string[];
  /** Every query term with its weight; all of them score. */
  scoring: QueryTerm[];
  /** At most this many candidates are ranked and counted (the total is then approximate). */
  candidateCap: number;
  averageLength: number;
}

/** Field weights D, C, B, A for ts_rank: title (A) far above keywords/owner (B) above the body (C). */
const fieldWeights = '{0.05, 0.25, 0.5, 1.0}';

/** The text condition and scope of the candidates: rows in scope whose vector matches one of the selecting terms (GIN). */
function candidateConditions(entity: SearchEntity, query: SearchQuery, plan: RankPlan | null): SQL {
  const where = scopeConditions(entity, query);
  if (plan) where.push(sql`r.search_vector @@ ${orQuery(plan.selecting)}::tsquery`);
  return sql.join(where, sql` and `);
}

/** Newest first, without a text. */
export async function findNewest(tx: Executor, entity: SearchEntity, query: SearchQuery): Promise<RankedRow[]> {
  const t = searchTables[entity];
  return rowsOf<RankedRow>(
    tx,
    sql`select r.id, 0::float8 as score, r.title, r.${t.body} as body, 0 as total
        from ${t.table} r where ${candidateConditions(entity, query, null)}
        order by r.published_at desc nulls last, r.created_at desc, r.id limit ${query.limit} offset ${query.offset}`,
  );
}

/**
 * One page of ranked rows, the candidate count and the facet counts over the candidates. The score is Σ idf(term) ·
 * ts_rank(term) — ts_rank of one term saturates with its frequency and weighs the field it occurs in — damped
 * BM25-style by the row's length against the average, times a bonus for covering more of the query's weight. The
 * per-term ranks and facet columns are read in the candidate scan itself (at most `candidateCap` rows, one visit).
 */
export async function findRanked(
  tx: Executor,
  entity: SearchEntity,
  query: SearchQuery,
  plan: RankPlan,
): Promise<{ rows: RankedRow[]; facets: FacetRow[] }> {
  const t = searchTables[entity];
  const where = candidateConditions(entity, query, plan);
  const totalWeight = plan.scoring.reduce((sum, term) => sum + term.weight, 0) || 1;
  const ranks = plan.scoring.map(
    (term, index) =>
      sql`ts_rank(${fieldWeights}::float4[], r.search_vector, ${quoteLexeme(term.term)}::tsquery) as ${sql.raw(`r${index}`)}`,
  );
  const weighted = plan.scoring.map((term, index) => sql`${term.weight}::float8 * c.${sql.raw(`r${index}`)}`);
  const covered = plan.scoring.map((term, index) => sql`(case when c.${sql.raw(`r${index}`)} > 0 then ${term.weight}::float8 else 0 end)`);
  const score = sql`(${sql.join(weighted, sql` + `)}) / (0.5 + 0.5 * c.search_length::float8 / ${plan.averageLength}::float8)
    * (0.5 + (${sql.join(covered, sql` + `)}) / ${totalWeight}::float8)`;
  const { maturity, ownerType } = facetColumns(entity);
  // One visit of the candidates serves the page and the facet counts.
  const rows = await rowsOf<RankedRow & { kind: 'hit' | 'facet' } & FacetSqlRow>(
    tx,
    sql`with c as (select r.id, r.search_length, r.technical_field as tf, r.industry as ind, ${maturity} as mat, r.region_id::text as reg,
                          ${ownerType} as own, ${sql.join(ranks, sql`, `)}
                   from ${t.table} r where ${where} limit ${plan.candidateCap}),
        p as (select c.id, ${score}::float8 as score, count(*) over ()::int as total from c order by score desc, c.id
              limit ${query.limit} offset ${query.offset}),
        f as (select tf, ind, mat, reg, own, count(*)::int as count from c group by grouping sets ((tf), (ind), (mat), (reg), (own)))
        select 'hit' as kind, p.id, p.score, r.title, r.${t.body} as body, p.total,
               null::text as tf, null::text as ind, null::text as mat, null::text as reg, null::text as own, null::int as count
          from p join ${t.table} r on r.id = p.id
        union all
        select 'facet', null::uuid, null::float8, null::text, null::text, null::int, tf, ind, mat, reg, own, count from f`,
  );
  const hits = rows.filter((row) => row.kind === 'hit').sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return {
    rows: hits,
    facets: await labelFacets(
      tx,
      rows.filter((row) => row.kind === 'facet'),
    ),
  };
}

/** Number of candidates, counting at most `cap`. */
export async function countCandidates(
  tx: Executor,
  entity: SearchEntity,
  query: SearchQuery,
  plan: RankPlan | null,
  cap: number,
): Promise<number> {
  const t = searchTables[entity];
  const [row] = await rowsOf<{ total: number }>(
    tx,
    sql`select count(*)::int as total from (select 1 from ${t.table} r where ${candidateConditions(entity, query, plan)} limit ${cap}) c`,
  );
  return row?.total ?? 0;
}

export interface FacetRow {
  facet: 'technicalField' | 'industry' | 'maturity' | 'region' | 'ownerType';
  value: string;
  label: string | null;
  count: number;
}

interface FacetSqlRow {
  tf: string | null;
  ind: string | null;
  mat: string | null;
  reg: string | null;
  own: string | null;
  count: number;
}

function facetColumns(entity: SearchEntity) {
  return {
    maturity: entity === 'achievement' ? sql`r.maturity::text` : sql`null::text`,
    ownerType: entity === 'achievement' ? sql`r.owner_type::text` : sql`null::text`,
  };
}

/** Grouping-sets rows as facet values, regions with their names. */
async function labelFacets(tx: Executor, rows: FacetSqlRow[]): Promise<FacetRow[]> {
  const regionIds = [...new Set(rows.map((row) => row.reg).filter((id): id is string => id !== null))];
  const regionNames = new Map<string, string>();
  if (regionIds.length > 0) {
    for (const region of await rowsOf<{ id: string; name: string }>(
      tx,
      sql`select id::text, name from regions where id in (${uuidList(regionIds)})`,
    ))
      regionNames.set(region.id, region.name);
  }
  const out: FacetRow[] = [];
  for (const row of rows) {
    if (row.tf !== null) out.push({ facet: 'technicalField', value: row.tf, label: row.tf, count: row.count });
    else if (row.ind !== null) out.push({ facet: 'industry', value: row.ind, label: row.ind, count: row.count });
    else if (row.mat !== null) out.push({ facet: 'maturity', value: row.mat, label: null, count: row.count });
    else if (row.reg !== null) out.push({ facet: 'region', value: row.reg, label: regionNames.get(row.reg) ?? null, count: row.count });
    else if (row.own !== null) out.push({ facet: 'ownerType', value: row.own, label: null, count: row.count });
  }
  return out;
}

/** Counts of each facet value over the rows in scope (no text), at most `facetCap` of them (one statement, grouping sets). */
export async function countFacets(tx: Executor, entity: SearchEntity, query: SearchQuery, facetCap: number): Promise<FacetRow[]> {
  const t = searchTables[entity];
  const { maturity, ownerType } = facetColumns(entity);
  const rows = await rowsOf<FacetSqlRow>(
    tx,
    sql`with c as (select r.technical_field as tf, r.industry as ind, ${maturity} as mat, r.region_id::text as reg, ${ownerType} as own
                   from ${t.table} r where ${candidateConditions(entity, query, null)} limit ${facetCap})
        select tf, ind, mat, reg, own, count(*)::int as count from c group by grouping sets ((tf), (ind), (mat), (reg), (own))`,
  );
  return labelFacets(tx, rows);
}

// ---- the domain dictionary ----

export type DictionaryTermRow = typeof searchDictionaryTerms.$inferSelect;

/** A cheap fingerprint of the dictionary: changes whenever a term is added, edited or deleted. */
export async function dictionaryFingerprint(db: Executor): Promise<string> {
  const [row] = await rowsOf<{ count: number; latest: string | null }>(
    db,
    sql`select count(*)::int as count, max(updated_at)::text as latest from search_dictionary_terms`,
  );
  return `${row?.count ?? 0}/${row?.latest ?? ''}`;
}

export function findDictionaryTerms(db: Executor): Promise<DictionaryTermRow[]> {
  return db.select().from(searchDictionaryTerms).where(isNull(searchDictionaryTerms.deletedAt)).orderBy(asc(searchDictionaryTerms.term));
}

export async function getDictionaryTerm(db: Executor, id: string): Promise<DictionaryTermRow | undefined> {
  const [row] = await db
    .select()
    .from(searchDictionaryTerms)
    .where(and(eq(searchDictionaryTerms.id, id), isNull(searchDictionaryTerms.deletedAt)));
  return row;
}

export async function findDictionaryTermByText(db: Executor, term: string): Promise<DictionaryTermRow | undefined> {
  const [row] = await db
    .select()
    .from(searchDictionaryTerms)
    .where(and(eq(searchDictionaryTerms.term, term), isNull(searchDictionaryTerms.deletedAt)));
  return row;
}

/** True once any term was ever written (deleted ones count): the defaults are seeded only into an empty table. */
export async function hasAnyDictionaryRow(db: Executor): Promise<boolean> {
  const [row] = await rowsOf<{ present: boolean }>(db, sql`select exists (select 1 from search_dictionary_terms) as present`);
  return Boolean(row?.present);
}

export async function insertDefaultTerms(db: Executor, terms: { term: string; tag: string }[]): Promise<void> {
  if (terms.length === 0) return;
  const values = sql.join(
    terms.map((t) => sql`(${t.term}, ${t.tag})`),
    sql`, `,
  );
  // Two processes starting on an empty table may both seed: the partial unique index settles it.
  await db.execute(
    sql`insert into search_dictionary_terms (term, tag) select v.term, v.tag from (values ${values}) as v(term, tag)
        on conflict (term) where deleted_at is null do nothing`,
  );
}

export async function insertDictionaryTerm(db: Executor, values: typeof searchDictionaryTerms.$inferInsert): Promise<DictionaryTermRow> {
  const [row] = await db.insert(searchDictionaryTerms).values(values).returning();
  return row!;
}

/** Changes a term if it is still at `version`; undefined when another change came first. */
export async function updateDictionaryTermVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<DictionaryTermRow, 'term' | 'frequency' | 'tag' | 'deletedAt'>>,
): Promise<DictionaryTermRow | undefined> {
  const [row] = await db
    .update(searchDictionaryTerms)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(searchDictionaryTerms.id, id), eq(searchDictionaryTerms.version, version), isNull(searchDictionaryTerms.deletedAt)))
    .returning();
  return row;
}

/**
 * Ids of the rows whose text contains the word (what a dictionary change re-segments). `indexedAs` is how the
 * index holds the word today (its terms under the dictionary before the change): the GIN index narrows the rows
 * to those holding all of them, then the text is checked. Without terms, a scan of the text.
 */
export async function findIdsContaining(tx: Executor, entity: SearchEntity, word: string, indexedAs: string[]): Promise<string[]> {
  const t = searchTables[entity];
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const narrowed = indexedAs.length > 0 ? sql`r.search_vector @@ ${indexedAs.map(quoteLexeme).join(' & ')}::tsquery and` : sql``;
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select r.id from ${t.table} r where ${narrowed} r.deleted_at is null
          and (lower(r.title) like ${pattern} or lower(r.${t.body}) like ${pattern} or lower(array_to_string(r.keywords, ' ')) like ${pattern}
               or lower(coalesce(r.${t.owner}, '')) like ${pattern})`,
  );
  return rows.map((row) => row.id);
}

// ---- the JSON-lines import ----

export interface ImportRow {
  externalId: string | null;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string | null;
}

/**
 * Inserts or updates achievements by external id (published, source jsonl); rows without an external id are
 * always inserted. Answers the ids and whether each was new; a row whose text did not change is left alone.
 */
export async function upsertImportedAchievements(
  tx: Executor,
  rows: ImportRow[],
  options: { indexKeywords: boolean; dataSource: string | null },
): Promise<{ id: string; inserted: boolean; changed: boolean }[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.externalId}, ${row.title}, ${row.abstract}, ${`{${row.keywords.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[], ${row.discipline})`,
    ),
    sql`, `,
  );
  return rowsOf<{ id: string; inserted: boolean; changed: boolean }>(
    tx,
    sql`with v(external_id, title, abstract, keywords, discipline) as (values ${values}),
        upserted as (
          insert into achievements as a (external_id, title, abstract, keywords, discipline, status, source, published_at,
                                         data_source, index_keywords)
          select v.external_id, v.title, v.abstract, v.keywords, v.discipline, 'published', 'jsonl', now(),
                 ${options.dataSource}, ${options.indexKeywords} from v
          on conflict (external_id) where external_id is not null do update set
            title = excluded.title, abstract = excluded.abstract, keywords = excluded.keywords, discipline = excluded.discipline,
            data_source = excluded.data_source, index_keywords = excluded.index_keywords,
            version = a.version + 1, updated_at = now()
          where (a.title, a.abstract, a.keywords, a.discipline, a.data_source, a.index_keywords)
                is distinct from (excluded.title, excluded.abstract, excluded.keywords, excluded.discipline,
                                  excluded.data_source, excluded.index_keywords)
          returning a.id, (xmax = 0) as inserted
        )
        select id, inserted, true as changed from upserted`,
  );
}

// ---- cards of the public lists ----

export interface AchievementCardRow {
  id: string;
  externalId: string | null;
  keywords: string[];
  discipline: string | null;
  technicalField: string | null;
  industry: string | null;
  maturity: string | null;
  ownerName: string | null;
  ownerType: string | null;
  transferModes: string[];
  dataSource: string | null;
  regionName: string | null;
  publishedAt: string | null;
  isDemo: boolean;
}

/** The public card fields of published achievements (never a contact field). */
export async function findAchievementCards(tx: Executor, ids: string[]): Promise<AchievementCardRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<AchievementCardRow>(
    tx,
    sql`select a.id, a.external_id as "externalId", a.keywords, a.discipline, a.technical_field as "technicalField",
          a.industry, a.maturity::text as maturity, a.owner_name as "ownerName", a.owner_type::text as "ownerType",
          a.transfer_modes::text[] as "transferModes", a.data_source as "dataSource", g.name as "regionName",
          to_char(a.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "publishedAt", a.is_demo as "isDemo"
        from achievements a left join regions g on g.id = a.region_id
        where a.id in (${uuidList(ids)}) and a.status = 'published' and a.deleted_at is null`,
  );
}

export interface DemandCardRow {
  id: string;
  externalId: string | null;
  technicalField: string | null;
  industry: string | null;
  enterpriseName: string | null;
  budget: string | number | null;
  deadline: string | null;
  regionName: string | null;
  publishedAt: string | null;
  isDemo: boolean;
}

/** The public card fields of published demands (never a contact field). */
export async function findDemandCards(tx: Executor, ids: string[]): Promise<DemandCardRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<DemandCardRow>(
    tx,
    sql`select d.id, d.external_id as "externalId", d.technical_field as "technicalField", d.industry,
          d.enterprise_name as "enterpriseName", d.budget, d.deadline::text as deadline, g.name as "regionName",
          to_char(d.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "publishedAt", d.is_demo as "isDemo"
        from demands d left join regions g on g.id = d.region_id
        where d.id in (${uuidList(ids)}) and d.status = 'published' and d.deleted_at is null`,
  );
}
