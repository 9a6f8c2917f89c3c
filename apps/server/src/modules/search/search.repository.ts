import { sql, type SQL } from 'drizzle-orm';
import type { AchievementMaturity, OwnerType, PublicationStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { likePrefix } from '../../shared/scope';
import { segment } from './search.segmenter';

export type SearchEntity = 'achievement' | 'demand';

export interface SearchQuery {
  q?: string;
  limit: number;
  offset: number;
  statuses?: PublicationStatus[];
  regionPath?: string;
  organizationId?: string;
  filters?: {
    technicalField?: string[];
    industry?: string[];
    maturity?: AchievementMaturity[];
    regionId?: string[];
    ownerType?: OwnerType[];
  };
  excludeIds?: string[];
}

export interface SearchHit {
  id: string;
  score: number;
  snippet: string;
  /** The snippet with <mark>…</mark> around matched terms, HTML-escaped otherwise. */
  highlighted: string;
  matchedTerms: string[];
}

export type FacetName = 'technicalField' | 'industry' | 'maturity' | 'region' | 'ownerType';
export interface SearchPage {
  items: SearchHit[];
  total: number;
  facets: Record<FacetName, { value: string; label: string; count: number }[]>;
}

const tables = {
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
async function run<T>(tx: Executor, statement: SQL): Promise<T[]> {
  return ((await tx.execute(statement)) as unknown as { rows: T[] }).rows;
}

const quoteLexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal: each term with its positions and the weight of the field it came from. */
function vectorLiteral(fields: { text: string; weight: 'A' | 'B' | 'C' }[]): { vector: string; length: number } {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of fields) {
    for (const term of segment(field.text)) {
      position = Math.min(position + 1, 16383);
      const list = positions.get(term) ?? [];
      if (list.length < 256) list.push(`${position}${field.weight}`);
      positions.set(term, list);
    }
  }
  const vector = [...positions].map(([term, at]) => `${quoteLexeme(term)}:${at.join(',')}`).join(' ');
  return { vector, length: position };
}

/** Recompute search_vector/search_length of the given rows from their current columns. */
export async function refreshSearchVectors(tx: Executor, entity: SearchEntity, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const t = tables[entity];
  const rows = await run<{ id: string; title: string; body: string; keywords: string[]; owner: string | null }>(
    tx,
    sql`select id, title, ${t.body} as body, keywords, ${t.owner} as owner from ${t.table} where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  for (const row of rows) {
    const { vector, length } = vectorLiteral([
      { text: row.title, weight: 'A' },
      { text: [...(row.keywords ?? []), row.owner ?? ''].join(' '), weight: 'B' },
      { text: row.body, weight: 'C' },
    ]);
    await tx.execute(sql`update ${t.table} set search_vector = ${vector}::tsvector, search_length = ${length} where id = ${row.id}`);
  }
}

/** Content terms of a text (jieba with the domain dictionary; stop words and punctuation removed). */
export async function contentTerms(text: string): Promise<string[]> {
  return [...new Set(segment(text))];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function snippetOf(text: string, terms: string[]): { snippet: string; highlighted: string; matchedTerms: string[] } {
  const lower = text.toLowerCase();
  const matched = terms.filter((term) => lower.includes(term));
  const first = matched.map((term) => lower.indexOf(term)).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, first - 30);
  const snippet = (start > 0 ? '…' : '') + text.slice(start, start + 120) + (start + 120 < text.length ? '…' : '');
  let highlighted = escapeHtml(snippet);
  for (const term of [...matched].sort((a, b) => b.length - a.length)) {
    highlighted = highlighted.replace(
      new RegExp(escapeHtml(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'),
      (m) => `<mark>${m}</mark>`,
    );
  }
  return { snippet, highlighted, matchedTerms: matched };
}

/** Ranked search over achievements or demands. */
export async function searchRecords(tx: Executor, entity: SearchEntity, query: SearchQuery): Promise<SearchPage> {
  const t = tables[entity];
  const terms = query.q ? [...new Set(segment(query.q))] : [];
  const tsquery = terms.map(quoteLexeme).join(' | ');
  const where: SQL[] = [sql`r.deleted_at is null`];
  if (terms.length > 0) where.push(sql`r.search_vector @@ ${tsquery}::tsquery`);
  if (query.statuses?.length)
    where.push(
      sql`r.status in (${sql.join(
        query.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (query.regionPath) where.push(sql`r.region_id in (select id from regions where path like ${likePrefix(query.regionPath)})`);
  if (query.organizationId) where.push(sql`r.${t.org} = ${query.organizationId}`);
  if (query.excludeIds?.length)
    where.push(
      sql`r.id not in (${sql.join(
        query.excludeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  const f = query.filters ?? {};
  const inList = (column: SQL, values: string[] | undefined) => {
    if (values?.length)
      where.push(
        sql`${column} in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
  };
  inList(sql`r.technical_field`, f.technicalField);
  inList(sql`r.industry`, f.industry);
  inList(sql`r.region_id::text`, f.regionId);
  if (entity === 'achievement') {
    inList(sql`r.maturity::text`, f.maturity);
    inList(sql`r.owner_type::text`, f.ownerType);
  }
  const whereSql = sql.join(where, sql` and `);
  const rank = terms.length > 0 ? sql`ts_rank(r.search_vector, ${tsquery}::tsquery)` : sql`0`;
  const rows = await run<{ id: string; score: number; title: string; body: string }>(
    tx,
    sql`select r.id, ${rank}::float8 as score, r.title, r.${t.body} as body from ${t.table} r where ${whereSql}
        order by score desc, r.published_at desc nulls last, r.created_at desc limit ${query.limit} offset ${query.offset}`,
  );
  const [count] = await run<{ total: number }>(tx, sql`select count(*)::int as total from ${t.table} r where ${whereSql}`);
  const facetOf = async (name: FacetName, column: SQL) => {
    const result = await run<{ value: string | null; count: number }>(
      tx,
      sql`select ${column} as value, count(*)::int as count from ${t.table} r where ${whereSql} group by 1 order by 2 desc limit 20`,
    );
    return result
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), label: String(row.value), count: row.count }));
  };
  const facets: SearchPage['facets'] = {
    technicalField: await facetOf('technicalField', sql`r.technical_field`),
    industry: await facetOf('industry', sql`r.industry`),
    maturity: entity === 'achievement' ? await facetOf('maturity', sql`r.maturity::text`) : [],
    region: await facetOf('region', sql`r.region_id::text`),
    ownerType: entity === 'achievement' ? await facetOf('ownerType', sql`r.owner_type::text`) : [],
  };
  return {
    items: rows.map((row) => ({ id: row.id, score: Number(row.score), ...snippetOf(`${row.body}`, terms) })),
    total: count?.total ?? 0,
    facets,
  };
}
