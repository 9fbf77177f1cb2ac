import { useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError, describeError } from '@/lib/api-client';
import { randomId } from '@/lib/random-id';
import type { CreatePaymentResponse, PaymentConfig } from '@/types/api-types';
import { exampleAmount, formatMinorAmount, parseMajorAmount } from '@/utils/money';

import { goToCheckout, useCreateCheckoutSession } from '../api/create-checkout-session';
import {
  createPaymentInputSchema,
  paymentFormFields,
  useCreatePaymentIntent,
  type PaymentFormField,
  type PaymentFormValues,
} from '../api/create-payment-intent';
import { saveCheckoutRequest } from '../utils/checkout-request-store';
import { saveClientSecret } from '../utils/client-secret-store';

type FieldErrors = Partial<Record<PaymentFormField, string>>;

type PaymentFormProps = {
  config: PaymentConfig;
  onCreated: (payment: CreatePaymentResponse) => void;
};

const isFormField = (field: string): field is PaymentFormField =>
  (paymentFormFields as readonly string[]).includes(field);

export function PaymentForm({ config, onCreated }: PaymentFormProps) {
  const schema = useMemo(() => createPaymentInputSchema(config), [config]);
  const [values, setValues] = useState<PaymentFormValues>(() => ({
    name: '',
    email: '',
    serviceType: config.serviceTypes.length === 1 ? (config.serviceTypes[0]?.id ?? '') : '',
    amount: '',
    currency: config.currencies[0]?.code ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [validateLive, setValidateLive] = useState(false);
  const createIntent = useCreatePaymentIntent();
  const createSession = useCreateCheckoutSession();
  const starting = createIntent.isPending || createSession.isPending;

  // Guards against double submission before React re-renders the disabled button.
  const inFlight = useRef(false);
  // One Idempotency-Key per payment attempt: a resubmission of the very same data after a lost
  // answer reuses it (so the server returns the payment it may already have made); any change
  // to the data starts a new attempt with a fresh key.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (v: PaymentFormValues) => {
    const result = schema.safeParse(v);
    if (result.success) return { data: result.data, errors: {} as FieldErrors };
    const found: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && isFormField(field)) found[field] ??= issue.message;
    }
    return { data: null, errors: found };
  };

  const focusFirst = (found: FieldErrors) => {
    const first = paymentFormFields.find((f) => found[f]);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const onChange = (field: PaymentFormField) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    if (validateLive) {
      const fresh = validate(next).errors;
      setErrors((prev) => {
        const updated = { ...prev, [field]: fresh[field] };
        if (field === 'currency') updated.amount = fresh.amount; // the amount rules depend on the currency
        return updated;
      });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    setValidateLive(true);
    setFormError(null);
    const { data, errors: found } = validate(values);
    setErrors(found);
    if (!data) {
      focusFirst(found);
      return;
    }

    const body = JSON.stringify(data);
    if (attempt.current?.body !== body) attempt.current = { key: randomId(), body };
    inFlight.current = true;
    const request = { data, idempotencyKey: attempt.current.key };
    const callbacks = {
      onError: (error: Error) => {
        if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
          attempt.current = null; // the server answered definitively: the next try is a new attempt
        }
        const serverErrors: FieldErrors = {};
        let unmatched = false;
        if (error instanceof ApiError) {
          for (const [field, message] of Object.entries(error.fieldErrors)) {
            if (isFormField(field)) serverErrors[field] = message;
            else unmatched = true;
          }
        }
        if (Object.keys(serverErrors).length > 0) {
          setErrors(serverErrors);
          focusFirst(serverErrors);
          if (unmatched) setFormError(describeError(error));
        } else {
          setFormError(describeError(error));
        }
      },
      onSettled: () => {
        inFlight.current = false;
      },
    };
    if (config.checkout === 'hosted') {
      createSession.mutate(request, {
        ...callbacks,
        onSuccess: (session) => {
          saveCheckoutRequest(session.paymentId, request);
          goToCheckout(session.url);
        },
      });
      return;
    }
    createIntent.mutate(request, {
      ...callbacks,
      onSuccess: (payment) => {
        saveClientSecret(payment.paymentId, payment.clientSecret);
        onCreated(payment);
      },
    });
  };

  const currency = config.currencies.find((c) => c.code === values.currency);
  const preview = currency ? parseMajorAmount(values.amount, currency.exponent) : null;
  const amountHint =
    currency && preview?.ok && preview.minor >= currency.minimumAmount && preview.minor <= currency.maximumAmount
      ? `You will pay ${formatMinorAmount(preview.minor, currency.code, currency.exponent)}`
      : `For example ${exampleAmount(currency?.exponent ?? 2)}`;

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={onSubmit}
      aria-describedby={formError ? 'payment-form-error' : undefined}
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        maxLength={200}
        value={values.name}
        onChange={onChange('name')}
        error={errors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        hint="We send your receipt here."
        value={values.email}
        onChange={onChange('email')}
        error={errors.email}
      />
      <SelectField
        label="Service"
        name="serviceType"
        value={values.serviceType}
        onChange={onChange('serviceType')}
        error={errors.serviceType}
      >
        <option value="" disabled>
          Choose a service
        </option>
        {config.serviceTypes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <div className="amount-row">
        <TextField
          className="amount-row__amount"
          label="Amount"
          name="amount"
          inputMode={currency?.exponent === 0 ? 'numeric' : 'decimal'}
          autoComplete="off"
          hint={amountHint}
          hintPlacement="below"
          value={values.amount}
          onChange={onChange('amount')}
          error={errors.amount}
        />
        <SelectField
          className="amount-row__currency"
          label="Currency"
          name="currency"
          value={values.currency}
          onChange={onChange('currency')}
          error={errors.currency}
        >
          {config.currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}
            </option>
          ))}
        </SelectField>
      </div>

      {formError && (
        <div id="payment-form-error">
          <Alert role="alert" title="We could not start your payment">
            <p>{formError}</p>
          </Alert>
        </div>
      )}

      <Button type="submit" className="button--block" busy={starting}>
        {starting ? 'Starting your payment…' : 'Continue to payment'}
      </Button>
    </form>
  );
}
