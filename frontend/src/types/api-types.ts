// Friendly aliases for the types generated from ../openapi.yaml (see `npm run generate:api`).
import type { components } from './api';

type Schemas = components['schemas'];

export type PaymentConfig = Schemas['PaymentConfig'];
export type CurrencyInfo = Schemas['CurrencyInfo'];
export type ServiceType = Schemas['ServiceType'];
export type TestCard = Schemas['TestCard'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type CreatePaymentRequest = Schemas['CreatePaymentRequest'];
export type CreatePaymentResponse = Schemas['CreatePaymentResponse'];
export type PaymentStatusResponse = Schemas['PaymentStatusResponse'];
export type SandboxConfirmRequest = Schemas['SandboxConfirmRequest'];
export type SandboxAuthenticateRequest = Schemas['SandboxAuthenticateRequest'];
export type SandboxConfirmResponse = Schemas['SandboxConfirmResponse'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
