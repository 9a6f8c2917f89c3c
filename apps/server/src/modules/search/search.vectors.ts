import { segment } from './search.segmenter';

export interface VectorField {
  text: string;
  weight: 'A' | 'B' | 'C';
}

const quoteLexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** PostgreSQL's limits: positions up to 16383, 256 positions a lexeme, lexemes under 2 KB. */
const maxPosition = 16383;
const maxPositionsPerLexeme = 256;

/**
 * A positional tsvector literal built in the application from jieba's terms: each term with its positions and the
 * weight of the field it came from (title A, keywords/owner/codes B, body C). `length` is the number of terms
 * indexed, for length-normalised ranking.
 */
export function vectorLiteral(fields: VectorField[]): { vector: string; length: number } {
  return vectorFromTerms(fields.map((field) => ({ terms: segment(field.text), weight: field.weight })));
}

/** The same from terms already segmented (the bench builds a million rows from pre-segmented sentences). */
export function vectorFromTerms(fields: { terms: string[]; weight: 'A' | 'B' | 'C' }[]): { vector: string; length: number } {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of fields) {
    for (const term of field.terms) {
      if (term.length > 200) continue;
      position = Math.min(position + 1, maxPosition);
      const list = positions.get(term);
      if (!list) positions.set(term, [`${position}${field.weight}`]);
      else if (list.length < maxPositionsPerLexeme) list.push(`${position}${field.weight}`);
    }
    // A gap between fields keeps a phrase from spanning the title's end and the body's start.
    position = Math.min(position + 1, maxPosition);
  }
  const vector = [...positions].map(([term, at]) => `${quoteLexeme(term)}:${at.join(',')}`).join(' ');
  return { vector, length: [...positions.values()].reduce((sum, list) => sum + list.length, 0) };
}
