import { useMemo } from 'react';
import { snippetParts } from './highlight';

/**
 * A search snippet with its matched terms marked (rendered as text nodes, never as the server's HTML); the plain
 * snippet when the search gave no highlighted form.
 */
export function Highlighted({ html, text }: { html: string | null | undefined; text: string }) {
  const parts = useMemo(() => (html ? snippetParts(html) : [{ text, marked: false }]), [html, text]);
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
