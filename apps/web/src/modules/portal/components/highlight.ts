/** A run of a search snippet: its text, and whether a search term matched it. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const entity = /&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(entity, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower in named) return named[lower]!;
    const value = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    return Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
  });
}

/**
 * The search's highlighted snippet (HTML-escaped text with <mark>…</mark> around matched terms) as plain runs,
 * so the page renders text nodes and never the server's markup: nothing in a record can become HTML. Nested or
 * adjacent marks merge; any other tag-like text is shown as typed.
 */
export function snippetParts(highlighted: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let depth = 0;
  for (const piece of highlighted.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') depth += 1;
    else if (piece === '</mark>') depth = Math.max(0, depth - 1);
    else if (piece) {
      const text = decode(piece);
      const marked = depth > 0;
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}
