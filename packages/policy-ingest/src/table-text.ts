/**
 * How every reader writes a table it has read as a table (a Word or web-page table, a worksheet, a PDF table rebuilt by
 * coordinates, a plain-text table rebuilt by its header): one row per line, cells separated by a tab, the form the task
 * extractor reads (tables.ts). A heading row that spans the table becomes a line of its own (a group heading).
 */
import { ORGANISATION_SUFFIX } from './lexicon.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff（）“”《》、，。；：]/;

/**
 * Joins the pieces of one cell (its paragraphs, or the lines it wrapped onto): Chinese text runs on without a space, as
 * a wrapped line was one sentence; a piece ending a unit name ("市科技局" / "市经信局") is kept apart by a space, which
 * the unit parser reads as a list; Latin words and figures keep a space between them.
 */
export function joinCellPieces(pieces: readonly string[]): string {
  let joined = '';
  for (const raw of pieces) {
    const piece = raw.replace(/\s+/g, ' ').trim();
    if (!piece) continue;
    if (!joined) {
      joined = piece;
      continue;
    }
    const last = joined.at(-1) ?? '';
    const first = piece[0] ?? '';
    const endsUnit = ORGANISATION_SUFFIX.test(joined.split(/[、，,；;\s]/).at(-1) ?? '') && !/[，,、；;：:（(]$/.test(joined);
    const isRunOn = CJK.test(last) && CJK.test(first);
    joined += endsUnit && /[\u4e00-\u9fff]/.test(first) ? ` ${piece}` : isRunOn ? piece : ` ${piece}`;
  }
  return joined;
}

/** A cell as one line of text: its tabs and newlines would break the row. */
function flatCell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * The rows as text. Rows of one non-empty cell (a heading spanning the table) are written alone; every other row has
 * as many cells as the header (the first row), so that an empty last cell does not shift the row.
 */
export function tableToText(rows: ReadonlyArray<readonly string[]>): string {
  const width = rows[0]?.length ?? 0;
  return rows
    .map((cells) => cells.map(flatCell))
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => {
      const filled = cells.filter((cell) => cell !== '');
      if (filled.length === 1 && cells[0] === filled[0] && (cells.length === 1 || cells.length > 2)) return filled[0];
      const padded = [...cells];
      while (padded.length < width) padded.push('');
      return padded.join('\t');
    })
    .join('\n');
}
