import type { ReactNode } from 'react';

export type SummaryRow = [label: string, value: ReactNode];

/** Label and value pairs of a detail page; a row without a value is left out. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary">
      {rows
        .filter(([, value]) => Boolean(value))
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
