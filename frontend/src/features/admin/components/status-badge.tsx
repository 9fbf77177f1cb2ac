import type { PaymentStatus } from '@/types/api-types';

import { STATUS_LABEL } from '../utils/format';

export function StatusBadge({ status }: { status: PaymentStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABEL[status]}</span>;
}
