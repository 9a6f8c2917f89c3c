import {
  type CreateDictionaryTerm,
  type DictionaryChange,
  type DictionaryTerm,
  ErrorCode,
  type Page,
  type UpdateDictionaryTerm,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { ensureDictionary } from './search.dictionary';
import * as repository from './search.repository';
import { segment } from './search.segmenter';
import { refreshSearchVectors } from './search.service';

/**
 * The domain dictionary, edited by city staff. A change re-segments, in the same transaction, the achievements
 * and demands whose text contains the word (found through the GIN index by the word's present terms, then checked
 * against the text), so the index never disagrees with the dictionary; other processes pick the new dictionary
 * up within seconds (search.dictionary.ts).
 */

function toTerm(row: repository.DictionaryTermRow): DictionaryTerm {
  return {
    id: row.id,
    term: row.term,
    frequency: row.frequency,
    tag: row.tag,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const duplicate = (term: string) =>
  new AppError(ErrorCode.AlreadyExists, { message: `词典中已有“${term}”`, details: [{ field: 'term', message: '词条重复' }] });

/** The dictionary's words, alphabetical. */
export async function findTerms(ctx: ActorContext): Promise<Page<DictionaryTerm>> {
  await ensureDictionary(ctx.db);
  const rows = await repository.findDictionaryTerms(ctx.db);
  return { items: rows.map(toTerm), total: rows.length };
}

/** Re-segments the rows containing any of the words; call after the table changed, in the same transaction. */
async function reindexContaining(tx: Transaction, words: { word: string; indexedAs: string[] }[]): Promise<DictionaryChange['reindexed']> {
  const started = performance.now();
  await ensureDictionary(tx, true);
  const counts = { achievements: 0, demands: 0 };
  for (const entity of ['achievement', 'demand'] as const) {
    const ids = new Set<string>();
    for (const { word, indexedAs } of words) for (const id of await repository.findIdsContaining(tx, entity, word, indexedAs)) ids.add(id);
    await refreshSearchVectors(tx, entity, [...ids]);
    counts[entity === 'achievement' ? 'achievements' : 'demands'] = ids.size;
  }
  return { ...counts, milliseconds: Math.round(performance.now() - started) };
}

/** How the index holds a word under the dictionary in use now (before a change). */
const indexedForm = (word: string) => ({ word: word.toLowerCase(), indexedAs: [...new Set(segment(word))].filter((term) => term !== '') });

/** Adds a word; the records containing it are re-indexed. */
export async function createTerm(ctx: ActorContext, input: CreateDictionaryTerm): Promise<DictionaryChange> {
  return inTransaction(ctx, async (tx) => {
    await ensureDictionary(tx, true);
    if (await repository.findDictionaryTermByText(tx, input.term)) throw duplicate(input.term);
    const before = indexedForm(input.term);
    const row = await repository.insertDictionaryTerm(tx, {
      term: input.term,
      frequency: input.frequency ?? 100000,
      tag: input.tag || null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'search-dictionary.create', objectType: 'search_dictionary_term', objectId: row.id, after: row });
    return { term: toTerm(row), reindexed: await reindexContaining(tx, [before]) };
  });
}

/** Changes a word, its frequency or tag (optimistic lock on `version`); the records containing the old or new word are re-indexed. */
export async function updateTerm(ctx: ActorContext, id: string, input: UpdateDictionaryTerm): Promise<DictionaryChange> {
  return inTransaction(ctx, async (tx) => {
    await ensureDictionary(tx, true);
    const before = await repository.getDictionaryTerm(tx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    if (input.term !== undefined && input.term !== before.term && (await repository.findDictionaryTermByText(tx, input.term)))
      throw duplicate(input.term);
    const words = [indexedForm(before.term), ...(input.term && input.term !== before.term ? [indexedForm(input.term)] : [])];
    const after = await repository.updateDictionaryTermVersioned(tx, id, input.version, {
      term: input.term ?? before.term,
      frequency: input.frequency ?? before.frequency,
      tag: input.tag === undefined ? before.tag : input.tag || null,
    });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'search-dictionary.update', objectType: 'search_dictionary_term', objectId: id, before, after });
    return { term: toTerm(after), reindexed: await reindexContaining(tx, words) };
  });
}

/** Removes a word (soft delete: the audit trail keeps it); the records containing it are re-indexed. */
export async function deleteTerm(ctx: ActorContext, id: string, version: number): Promise<DictionaryChange> {
  return inTransaction(ctx, async (tx) => {
    await ensureDictionary(tx, true);
    const before = await repository.getDictionaryTerm(tx, id);
    if (!before) throw notFound();
    const words = [indexedForm(before.term)];
    const after = await repository.updateDictionaryTermVersioned(tx, id, version, { deletedAt: new Date() });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'search-dictionary.delete', objectType: 'search_dictionary_term', objectId: id, before });
    return { term: null, reindexed: await reindexContaining(tx, words) };
  });
}
