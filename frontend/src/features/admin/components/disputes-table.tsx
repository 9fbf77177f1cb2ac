import type { ReactNode } from 'react';

import type { Dispute } from '../api/types';
import { formatDateTime, formatMoney } from '../utils/format';

import { DisputeBadge } from './status-badge';

/** Disputes as a table; `idCell` makes each dispute's id a link or a button, `children` follows the table. */
export function DisputesTable({
  disputes,
  label,
  idCell,
  children,
}: {
  disputes: Dispute[];
  label: string;
  idCell: (dispute: Dispute) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Dispute</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Reason</th>
            <th scope="col">Evidence due by</th>
          </tr>
        </thead>
        <tbody>
          {disputes.map((d) => (
            <tr key={d.disputeId}>
              <td>{idCell(d)}</td>
              <td>
                <DisputeBadge status={d.status} />
              </td>
              <td className="num">{formatMoney(d.amount, d.currency)}</td>
              <td>{d.reason ?? ''}</td>
              <td>{d.evidenceDueBy && <time dateTime={d.evidenceDueBy}>{formatDateTime(d.evidenceDueBy)}</time>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
