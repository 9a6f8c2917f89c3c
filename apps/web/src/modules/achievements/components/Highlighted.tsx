import { Fragment } from 'react';

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Turns the server's HTML escapes (&#60; &amp; …) back into text; React escapes it again when rendering. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? whole;
  });
}

/** The snippet split into plain and marked parts: only `<mark>`/`</mark>` are markup, everything else is text. */
export function highlightedParts(highlighted: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const token of highlighted.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') marked = true;
    else if (token === '</mark>') marked = false;
    else if (token) parts.push({ text: decodeEntities(token), marked });
  }
  return parts;
}

/**
 * A search snippet with its matched terms marked. The HTML is never injected: it is parsed into text and <mark>
 * elements, so even a snippet that carried other markup would show as text.
 */
export function Highlighted({ html, 'data-testid': testId }: { html: string; 'data-testid'?: string }) {
  return (
    <span data-testid={testId}>
      {highlightedParts(html).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </span>
  );
}
