// Friendly aliases for the types generated from ../openapi.yaml (see `npm run generate:api`).
import type { components } from './api';

// The enums' values, generated with `--enum-values`: a status added to openapi.yaml reaches the
// runtime checks by itself, and every exhaustive `switch`/`Record` over it stops compiling.
export {
  currencyInfoExponentValues,
  paymentConfigCheckoutValues,
  paymentConfigModeValues,
  paymentStatusValues,
  refundStatusValues,
  sandboxCheckoutPageStatusValues,
  sandboxConfirmResponseOutcomeValues,
  statusChangeSourceValues,
} from './api';

type Schemas = components['schemas'];

export type PaymentConfig = Schemas['PaymentConfig'];
export type TestCard = Schemas['TestCard'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type CreatePaymentRequest = Schemas['CreatePaymentRequest'];
export type CreatePaymentResponse = Schemas['CreatePaymentResponse'];
export type PaymentStatusResponse = Schemas['PaymentStatusResponse'];
export type SandboxConfirmRequest = Schemas['SandboxConfirmRequest'];
export type SandboxAuthenticateRequest = Schemas['SandboxAuthenticateRequest'];
export type SandboxConfirmResponse = Schemas['SandboxConfirmResponse'];
export type Problem = Schemas['Problem'];
export type AdminPayment = Schemas['AdminPayment'];
export type AdminPaymentDetail = Schemas['AdminPaymentDetail'];
export type AdminPaymentPage = Schemas['AdminPaymentPage'];
export type StatusChange = Schemas['StatusChange'];
export type Refund = Schemas['Refund'];
export type RefundRequest = Schemas['RefundRequest'];
export type PaymentStats = Schemas['PaymentStats'];
export type CheckoutSessionResponse = Schemas['CheckoutSessionResponse'];
export type SandboxCheckoutPage = Schemas['SandboxCheckoutPage'];
