import type { PaymentStatus } from '@/types/api-types';

import type { DisputeStatus } from '../api/types';
import { DISPUTE_STATUS_LABEL, STATUS_LABEL } from '../utils/format';

export function StatusBadge({ status }: { status: PaymentStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABEL[status]}</span>;
}

export function DisputeBadge({ status }: { status: DisputeStatus }) {
  return <span className={`badge badge--dispute-${status}`}>{DISPUTE_STATUS_LABEL[status]}</span>;
}
