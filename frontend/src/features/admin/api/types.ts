// The console's request and response types, written by hand from /work/wt/CONSOLE-API.md while the
// backend's openapi.yaml for them is being written. At merge they are replaced by aliases of the
// generated types in @/types/api-types (`npm run generate:api`). The shapes openapi.yaml already has
// (AdminPayment, AdminPaymentDetail, Refund, PaymentStats…) are the generated ones already.
import type { AdminPaymentDetail, PaymentStatus, StatusChange } from '@/types/api-types';

export const roleValues = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roleValues)[number];

/** GET/POST /api/admin/session. */
export type AdminSession = { username: string; role: Role };
export type SignInRequest = { username: string; password: string };

/** GET /api/admin/users. */
export type AdminUser = { username: string; role: Role; enabled: boolean; createdAt: string };
export type CreateUserRequest = { username: string; password: string; role: Role };
/** PATCH /api/admin/users/{username}: an admin sets any of role/enabled/password; anyone changes their own password. */
export type UpdateUserRequest =
  { role?: Role; enabled?: boolean; password?: string } | { currentPassword: string; password: string };

/** History entries gain who did it (username, or null for the system). */
export type ConsoleStatusChange = StatusChange & { actor: string | null };
export type ConsolePaymentDetail = Omit<AdminPaymentDetail, 'history'> & { history: ConsoleStatusChange[] };

/** The list's filters, as they travel in the console's URL and in the API's query string. */
export type PaymentFilters = {
  status: PaymentStatus[];
  q: string;
  currency: string;
  /** ISO dates (yyyy-mm-dd) in UTC; `to` is inclusive in the console, sent as the next day's start. */
  from: string;
  to: string;
  sort: 'createdAt,desc' | 'createdAt,asc';
  page: number;
};

/** GET /api/admin/stats/daily. */
export type DailyStats = {
  days: { date: string; currency: string; net: number; succeeded: number; failed: number }[];
  declineReasons: { reason: string; count: number }[];
};
