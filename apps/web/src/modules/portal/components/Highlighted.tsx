import { useMemo } from 'react';
import { snippetParts } from './highlight';

/** A search snippet with its matched terms marked (rendered as text nodes, never as the server's HTML). */
export function Highlighted({ html }: { html: string }) {
  const parts = useMemo(() => snippetParts(html), [html]);
  return (
    <span data-testid="portal-snippet">
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index} className="portal-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
