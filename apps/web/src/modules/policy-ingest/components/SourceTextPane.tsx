import { Card, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { t } from '../../../shared/i18n/zh-CN';
import type { Span } from '../draft';

export interface SourceItem {
  key: string;
  span: Span | null;
  kind: 'target' | 'task';
}

interface SourceTextPaneProps {
  text: string;
  items: SourceItem[];
  /** The item to show: its phrase is emphasised and scrolled into view each time `seq` changes. */
  focus: { key: string; seq: number } | null;
  /** A highlighted phrase was clicked: the items it belongs to, innermost first. */
  onPick: (keys: string[]) => void;
}

interface Piece {
  start: number;
  end: number;
  keys: string[];
  kind: 'target' | 'task' | null;
}

/** Cuts the text at every span boundary; each piece knows the items covering it (targets inside tasks win the colour). */
function piecesOf(text: string, items: SourceItem[]): Piece[] {
  const spans = items.flatMap((item) =>
    item.span && item.span[1] > item.span[0]
      ? [{ ...item, start: Math.max(0, item.span[0]), end: Math.min(text.length, item.span[1]) }]
      : [],
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (end <= start) continue;
    const covering = spans.filter((span) => span.start <= start && span.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    pieces.push({
      start,
      end,
      keys: covering.map((span) => span.key),
      kind: covering.some((span) => span.kind === 'target') ? 'target' : covering[0] ? 'task' : null,
    });
  }
  return pieces;
}

/** The document's text with the phrase of each proposed target and task highlighted. */
export function SourceTextPane({ text, items, focus, onPick }: SourceTextPaneProps) {
  const pane = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => piecesOf(text, items), [text, items]);

  useEffect(() => {
    if (!focus || !pane.current) return;
    const mark = pane.current.querySelector<HTMLElement>(`[data-keys~="${CSS.escape(focus.key)}"]`);
    if (mark) pane.current.scrollTop = Math.max(0, mark.offsetTop - pane.current.clientHeight / 3);
  }, [focus]);

  const content: ReactNode[] = pieces.map((piece) => {
    const slice = text.slice(piece.start, piece.end);
    if (!piece.kind) return slice;
    const active = !!focus && piece.keys.includes(focus.key);
    return (
      <mark
        key={piece.start}
        className={`stip-ingest-mark stip-ingest-mark-${piece.kind}${active ? ' is-active' : ''}`}
        data-keys={piece.keys.join(' ')}
        data-testid="ingest-highlight"
        onClick={() => onPick(piece.keys)}
      >
        {slice}
      </mark>
    );
  });

  return (
    <Card size="small" title={t.ingest.review.source} styles={{ body: { padding: 0 } }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0, padding: '6px 16px', borderBottom: '1px solid #f0f0f0' }}>
        {t.ingest.review.sourceHint}
      </Typography.Paragraph>
      <div ref={pane} className="stip-ingest-source" data-testid="ingest-source">
        {content}
      </div>
    </Card>
  );
}
