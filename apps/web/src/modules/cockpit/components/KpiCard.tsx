import type { ReactNode } from 'react';

interface KpiCardProps {
  label: string;
  value: ReactNode;
  unit?: string;
  note?: ReactNode;
  /** The colour of the left edge: navy by default, amber or red for figures that need attention. */
  accent?: string;
  onOpen?: () => void;
  'data-testid'?: string;
}

/** One headline figure of the cockpit; when it opens records, the whole card is the button. */
export function KpiCard({ label, value, unit, note, accent, onOpen, ...rest }: KpiCardProps) {
  const interactive = onOpen
    ? {
        role: 'button',
        tabIndex: 0,
        onClick: onOpen,
        onKeyDown: (event: React.KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onOpen();
          }
        },
      }
    : {};
  return (
    <div className="stip-kpi" style={accent ? { borderLeftColor: accent } : undefined} data-testid={rest['data-testid']} {...interactive}>
      <div className="stip-kpi-label">{label}</div>
      <div>
        <span className="stip-kpi-value" data-testid={rest['data-testid'] ? `${rest['data-testid']}-value` : undefined}>
          {value}
        </span>
        {unit ? <span className="stip-kpi-unit">{unit}</span> : null}
      </div>
      {note ? <div className="stip-kpi-note">{note}</div> : null}
    </div>
  );
}
