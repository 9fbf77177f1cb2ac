// The console API's types: aliases of the types generated from ../openapi.yaml (`npm run generate:api`).
import type { components } from '@/types/api';
import type { PaymentStatus } from '@/types/api-types';

export {
  disputeStatusValues,
  eventOutcomeValues,
  replayResultOutcomeValues,
  sessionResponseRoleValues as roleValues,
} from '@/types/api';

type Schemas = components['schemas'];

export type Role = Schemas['SessionResponse']['role'];
export type AdminSession = Schemas['SessionResponse'];
export type SignInRequest = Schemas['SignInRequest'];
export type AdminUser = Schemas['AdminUser'];
export type CreateUserRequest = Schemas['CreateAdminUserRequest'];
/** An admin sets any of role/enabled/password (not their own role/enabled); anyone changes their own password. */
export type UpdateUserRequest = Schemas['UpdateAdminUserRequest'];
export type DailyStats = Schemas['DailyStats'];
export type Dispute = Schemas['Dispute'];
export type DisputeStatus = Schemas['DisputeStatus'];
export type DisputePage = Schemas['DisputePage'];
export type DisputeEvidenceRequest = Schemas['DisputeEvidenceRequest'];
export type GatewayEvent = Schemas['GatewayEvent'];
export type GatewayEventPage = Schemas['GatewayEventPage'];
export type EventOutcome = Schemas['EventOutcome'];
export type ReplayResult = Schemas['ReplayResult'];
export type BackfillResult = Schemas['BackfillResult'];

/** The list's filters, as they travel in the console's URL and in the API's query string (not an API type). */
export type PaymentFilters = {
  status: PaymentStatus[];
  q: string;
  currency: string;
  /** ISO dates (yyyy-mm-dd) in UTC; `to` is inclusive in the console, sent as the next day's start. */
  from: string;
  to: string;
  sort: components['parameters']['Sort'];
  page: number;
};
