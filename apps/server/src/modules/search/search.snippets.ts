/** Snippets and highlighting, done in the application on the page's rows only. */

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text, HTML-escaped, with <mark>…</mark> around every occurrence of the terms (longest first, never nested). */
export function highlight(text: string, terms: string[]): string {
  const sorted = [...new Set(terms)].filter((term) => term.length > 0).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return escapeHtml(text);
  const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'gi');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Terms that occur in the text (case-insensitive). */
export function termsIn(text: string, terms: string[]): string[] {
  const lower = text.toLowerCase();
  return terms.filter((term) => lower.includes(term));
}

/**
 * The window of the body (about `width` characters) holding the most distinct matched terms, weighted; the start
 * of the body when nothing matches.
 */
export function snippetOf(body: string, terms: { term: string; weight: number }[], width = 120): { snippet: string; highlighted: string } {
  const text = body.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  const hits: { at: number; term: string; weight: number }[] = [];
  for (const { term, weight } of terms) {
    let at = lower.indexOf(term);
    while (at >= 0 && hits.length < 400) {
      hits.push({ at, term, weight });
      at = lower.indexOf(term, at + term.length);
    }
  }
  hits.sort((a, b) => a.at - b.at);
  let bestStart = 0;
  let bestScore = -1;
  for (const hit of hits) {
    const start = Math.max(0, hit.at - 20);
    const seen = new Set<string>();
    let score = 0;
    for (const other of hits) {
      if (other.at < start || other.at + other.term.length > start + width || seen.has(other.term)) continue;
      seen.add(other.term);
      score += other.weight;
    }
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const snippet = (bestStart > 0 ? '…' : '') + text.slice(bestStart, bestStart + width) + (bestStart + width < text.length ? '…' : '');
  return {
    snippet,
    highlighted: highlight(
      snippet,
      terms.map((t) => t.term),
    ),
  };
}
