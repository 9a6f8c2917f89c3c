import type { Executor } from '../../db/client';
import * as repository from './search.repository';
import { defaultDictionary } from './search.defaults';
import { useDictionaryWords } from './search.segmenter';

/**
 * The domain user dictionary, kept as data (search_dictionary_terms) and edited by city staff. Every process
 * checks a cheap fingerprint of the table (row count and latest updated_at) at most every `checkIntervalMs`
 * and rebuilds its jieba when it changed, so stateless app processes pick up another process's edit within seconds.
 */

export const checkIntervalMs = 5_000;
let fingerprint: string | null = null;
let checkedAt = 0;
let pending: Promise<void> | null = null;

async function reload(db: Executor): Promise<void> {
  if (!(await repository.hasAnyDictionaryRow(db))) await repository.insertDefaultTerms(db, defaultDictionary);
  const current = await repository.dictionaryFingerprint(db);
  if (current !== fingerprint) {
    const rows = await repository.findDictionaryTerms(db);
    useDictionaryWords(rows.map((row) => ({ term: row.term, frequency: row.frequency, tag: row.tag })));
    fingerprint = current;
  }
  checkedAt = Date.now();
}

/** Makes the segmenter use the dictionary as the table holds it now (checked at most every few seconds unless forced). */
export async function ensureDictionary(db: Executor, force = false): Promise<void> {
  if (!force && fingerprint !== null && Date.now() - checkedAt < checkIntervalMs) return;
  if (pending && !force) return pending;
  const run = reload(db).finally(() => {
    if (pending === run) pending = null;
  });
  pending = run;
  return run;
}
