import { achievementMaturityLabels, ownerTypeLabels, type AchievementMaturity, type OwnerType } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { ensureDictionary } from './search.dictionary';
import * as repository from './search.repository';
import { queryTerms, segment, isSingleHan, type QueryTerm } from './search.segmenter';
import { highlight, snippetOf, termsIn } from './search.snippets';
import type { FacetName, SearchEntity, SearchPage, SearchQuery } from './search.types';
import { vectorLiteral } from './search.vectors';

/** How many candidates a text search ranks and counts at most; past it `total` and the facets are approximate. */
export const candidateCap = 2000;
/** Without a text, rows come newest first and are counted up to this many (past it the total is approximate). */
export const listCountCap = 10_000;
/** Query terms at least this telling (jieba IDF) select candidates; the commoner ones only add to the score. */
export const selectingWeight = 7;
/** Rows whose vectors are written in one statement. */
const vectorBatch = 500;

/** Recompute search_vector/search_length of the given rows from their current columns (same transaction). */
export async function refreshSearchVectors(tx: Executor, entity: SearchEntity, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await ensureDictionary(tx);
  for (let start = 0; start < ids.length; start += vectorBatch) {
    const sources = await repository.findIndexSources(tx, entity, ids.slice(start, start + vectorBatch));
    const vectors = sources.map((source) => ({
      id: source.id,
      ...vectorLiteral([
        { text: source.title, weight: 'A' },
        { text: [...source.codes, ...(source.indexKeywords ? source.keywords : []), source.owner ?? ''].join(' ； '), weight: 'B' },
        { text: source.body, weight: 'C' },
      ]),
    }));
    await repository.writeVectors(tx, entity, vectors);
  }
}

/** Content terms of a text (jieba with the domain dictionary, stop words and punctuation removed), for reasons/overlap. */
export async function contentTerms(text: string): Promise<string[]> {
  return [...new Set(segment(text))];
}

/** The average indexed length changes slowly: read at most once a minute per process and entity. */
const averageLengths = new Map<SearchEntity, { value: number; at: number }>();
async function averageLengthOf(tx: Executor, entity: SearchEntity): Promise<number> {
  const cached = averageLengths.get(entity);
  if (cached && Date.now() - cached.at < 60_000) return cached.value;
  const value = await repository.averageLength(tx, entity);
  averageLengths.set(entity, { value, at: Date.now() });
  return value;
}

/** Which query terms select candidates: the telling ones, or all when none is telling enough. */
export function selectingTerms(terms: QueryTerm[]): string[] {
  const telling = terms.filter((term) => term.weight >= selectingWeight).map((term) => term.term);
  return telling.length > 0 ? telling : terms.map((term) => term.term);
}

const emptyFacets = (): SearchPage['facets'] => ({ technicalField: [], industry: [], maturity: [], region: [], ownerType: [] });

function facetLabel(facet: FacetName, value: string, label: string | null): string {
  if (facet === 'maturity') return achievementMaturityLabels[value as AchievementMaturity] ?? value;
  if (facet === 'ownerType') return ownerTypeLabels[value as OwnerType] ?? value;
  return label ?? value;
}

/**
 * Ranked search. A text query is cut into weighted terms (queryTerms); the rows matching any telling term
 * (OR, through the GIN index) are the candidates, at most `candidateCap`; they are ranked by the IDF-weighted
 * per-term ts_rank with length normalisation and a coverage bonus. Without text the rows come newest first.
 * Facets count the same candidates.
 */
export async function searchRecords(tx: Executor, entity: SearchEntity, query: SearchQuery): Promise<SearchPage> {
  await ensureDictionary(tx);
  const terms = query.q?.trim() ? queryTerms(query.q) : [];
  if (query.q?.trim() && terms.length === 0) return { items: [], total: 0, totalIsApproximate: false, facets: emptyFacets() };
  const plan: repository.RankPlan | null =
    terms.length > 0
      ? { selecting: selectingTerms(terms), scoring: terms, candidateCap, averageLength: await averageLengthOf(tx, entity) }
      : null;
  const cap = plan ? candidateCap : listCountCap;
  const ranked = plan ? await repository.findRanked(tx, entity, query, plan) : null;
  const rows = ranked ? ranked.rows : await repository.findNewest(tx, entity, query);
  const total = plan && rows.length > 0 ? rows[0]!.total : await repository.countCandidates(tx, entity, query, plan, cap);
  const facets = emptyFacets();
  for (const row of ranked ? ranked.facets : await repository.countFacets(tx, entity, query, cap)) {
    facets[row.facet].push({ value: row.value, label: facetLabel(row.facet, row.value, row.label), count: row.count });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh'));
  const highlightTerms = terms.filter((term) => !isSingleHan(term.term) || terms.length === 1);
  return {
    items: rows.map((row) => {
      const matchedTerms = termsIn(
        `${row.title}\n${row.body}`,
        terms.map((term) => term.term),
      );
      return {
        id: row.id,
        score: Number(row.score),
        title: row.title,
        ...snippetOf(row.body ?? '', highlightTerms),
        highlightedTitle: highlight(
          row.title,
          highlightTerms.map((term) => term.term),
        ),
        matchedTerms,
      };
    }),
    total,
    totalIsApproximate: total >= cap,
    facets,
  };
}
