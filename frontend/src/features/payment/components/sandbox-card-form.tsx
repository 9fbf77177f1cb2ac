import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { ApiError, describeError } from '@/lib/api-client';
import type { SandboxConfirmResponse, TestCard } from '@/types/api-types';

import { useAuthenticateSandboxPayment } from '../api/authenticate-sandbox-payment';
import { useConfirmSandboxPayment } from '../api/confirm-sandbox-payment';
import {
  caretForDigitCount,
  digitsOnly,
  formatCardNumber,
  formatExpiry,
  testCardExpiry,
  validateCard,
  type CardErrors,
  type CardFields,
} from '../utils/card';

import { ThreeDSecureStep } from './three-d-secure-step';

type SandboxCardFormProps = {
  paymentId: string;
  clientSecret: string;
  amountLabel: string;
  testCards: TestCard[];
  /** Start on the 3-D Secure step (the payment is already `requires_action`). */
  startWithAuthentication: boolean;
  /** Changes when the customer asks to try another card: clears and focuses the form. */
  resetToken: number;
  /** The card was accepted; the result now arrives through the status. */
  onAccepted: () => void;
  /** The payment changed on the server (declined, needs authentication…): refresh the status. */
  onChanged: () => void;
};

const EMPTY: CardFields = { cardNumber: '', expiry: '', cvc: '' };
const CARD_FIELDS = ['cardNumber', 'expiry', 'cvc'] as const;

export function SandboxCardForm({
  paymentId,
  clientSecret,
  amountLabel,
  testCards,
  startWithAuthentication,
  resetToken,
  onAccepted,
  onChanged,
}: SandboxCardFormProps) {
  const [step, setStep] = useState<'card' | 'authenticate'>(startWithAuthentication ? 'authenticate' : 'card');
  const [fields, setFields] = useState<CardFields>(EMPTY);
  const [errors, setErrors] = useState<CardErrors>({});
  const [decline, setDecline] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [authBusy, setAuthBusy] = useState<'approve' | 'fail' | null>(null);
  const confirm = useConfirmSandboxPayment();
  const authenticate = useAuthenticateSandboxPayment();
  const inFlight = useRef(false);
  const refs = useRef<Partial<Record<keyof CardFields, HTMLInputElement | null>>>({});

  const focusCardNumber = () => requestAnimationFrame(() => refs.current.cardNumber?.focus());

  // "Try another card": start over with a clean form.
  const [seenReset, setSeenReset] = useState(resetToken);
  if (resetToken !== seenReset) {
    setSeenReset(resetToken);
    setFields(EMPTY);
    setErrors({});
    setFormError(null);
    setStep('card');
  }
  useEffect(() => {
    if (resetToken > 0) focusCardNumber();
  }, [resetToken]);

  const handleOutcome = (result: SandboxConfirmResponse) => {
    switch (result.outcome) {
      case 'processing':
        setDecline(null);
        onAccepted();
        break;
      case 'requires_action':
        setDecline(null);
        setStep('authenticate');
        onChanged();
        break;
      case 'declined':
        setDecline(result.message ?? 'Your card was declined.');
        setFields((f) => ({ ...f, cardNumber: '', cvc: '' }));
        setStep('card');
        onChanged();
        focusCardNumber();
        break;
    }
  };

  const handleError = (error: unknown) => {
    if (error instanceof ApiError) {
      const fe = error.fieldErrors;
      const mapped: CardErrors = {};
      for (const f of CARD_FIELDS) if (fe[f]) mapped[f] = fe[f];
      if (Object.keys(mapped).length > 0) {
        setErrors(mapped);
        const first = CARD_FIELDS.find((f) => mapped[f]);
        if (first) refs.current[first]?.focus();
        return;
      }
      if (error.status === 409) {
        setFormError('This payment can no longer be paid with a card. See its status above.');
        onChanged();
        return;
      }
      if (error.status === 404) {
        setFormError('We could not find this payment. Please start a new payment.');
        return;
      }
    }
    setFormError(describeError(error));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    setFormError(null);
    const found = validateCard(fields);
    setErrors(found);
    const first = CARD_FIELDS.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    inFlight.current = true;
    confirm.mutate(
      {
        paymentId,
        data: { clientSecret, cardNumber: formatCardNumber(fields.cardNumber), expiry: fields.expiry, cvc: fields.cvc },
      },
      {
        onSuccess: handleOutcome,
        onError: handleError,
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const onAuthenticate = (approve: boolean) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setAuthBusy(approve ? 'approve' : 'fail');
    setFormError(null);
    authenticate.mutate(
      { paymentId, data: { clientSecret, approve } },
      {
        onSuccess: handleOutcome,
        onError: (error) => {
          setStep('card');
          handleError(error);
        },
        onSettled: () => {
          inFlight.current = false;
          setAuthBusy(null);
        },
      },
    );
  };

  const setField = (field: keyof CardFields, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onCardNumberChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const digitsBeforeCaret = digitsOnly(input.value.slice(0, input.selectionStart ?? input.value.length)).length;
    const formatted = formatCardNumber(input.value);
    setField('cardNumber', formatted);
    const caret = caretForDigitCount(formatted, digitsBeforeCaret);
    requestAnimationFrame(() => {
      if (document.activeElement === input) input.setSelectionRange(caret, caret);
    });
  };

  const fillTestCard = (card: TestCard) => {
    setFields({ cardNumber: formatCardNumber(card.number), expiry: testCardExpiry(), cvc: '123' });
    setErrors({});
    setDecline(null);
  };

  if (step === 'authenticate') {
    return (
      <>
        <ThreeDSecureStep
          amountLabel={amountLabel}
          busy={authBusy}
          onApprove={() => onAuthenticate(true)}
          onFail={() => onAuthenticate(false)}
        />
        {formError && <Alert role="alert">{formError}</Alert>}
      </>
    );
  }

  return (
    <section className="card-step" aria-labelledby="card-heading">
      <h2 id="card-heading">Card details</h2>
      {decline && (
        <Alert title="Card declined">
          <p>{decline} Please try another card.</p>
        </Alert>
      )}
      <form className="stack" noValidate onSubmit={onSubmit}>
        <TextField
          ref={(el) => {
            refs.current.cardNumber = el;
          }}
          label="Card number"
          name="cardNumber"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          maxLength={23}
          value={fields.cardNumber}
          onChange={onCardNumberChange}
          error={errors.cardNumber}
        />
        <div className="card-row">
          <TextField
            ref={(el) => {
              refs.current.expiry = el;
            }}
            label="Expiry (MM/YY)"
            name="expiry"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            maxLength={5}
            value={fields.expiry}
            onChange={(e) => setField('expiry', formatExpiry(e.target.value))}
            error={errors.expiry}
          />
          <TextField
            ref={(el) => {
              refs.current.cvc = el;
            }}
            label="CVC"
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            value={fields.cvc}
            onChange={(e) => setField('cvc', digitsOnly(e.target.value).slice(0, 4))}
            error={errors.cvc}
          />
        </div>
        {formError && <Alert role="alert">{formError}</Alert>}
        <Button type="submit" className="button--block" busy={confirm.isPending}>
          {confirm.isPending ? 'Confirming…' : `Pay ${amountLabel}`}
        </Button>
      </form>

      {testCards.length > 0 && (
        <section className="test-cards" aria-labelledby="test-cards-heading">
          <h3 id="test-cards-heading">Test cards</h3>
          <p className="muted">Sandbox mode: no real money moves. Choose a card to fill in the form.</p>
          <ul>
            {testCards.map((card) => (
              <li key={card.number}>
                <button
                  type="button"
                  className="test-card"
                  onClick={() => fillTestCard(card)}
                  aria-label={`Use test card ${formatCardNumber(card.number)}: ${card.description}`}
                >
                  <code>{formatCardNumber(card.number)}</code>
                  <span>{card.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
