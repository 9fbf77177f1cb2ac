import { useEffect, useRef } from 'react';

import { Button } from '@/components/ui/button';

type ThreeDSecureStepProps = {
  amountLabel: string;
  busy: 'approve' | 'fail' | null;
  onApprove: () => void;
  onFail: () => void;
};

/** The sandbox stand-in for the bank's 3-D Secure page. */
export function ThreeDSecureStep({ amountLabel, busy, onApprove, onFail }: ThreeDSecureStepProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="three-ds" aria-labelledby="three-ds-heading">
      <h2 id="three-ds-heading" ref={headingRef} tabIndex={-1}>
        3-D Secure
      </h2>
      <p>
        Your bank asks you to confirm the payment of <strong>{amountLabel}</strong>.
      </p>
      <p className="muted">This is the sandbox: choose how the authentication ends.</p>
      <div className="button-row">
        <Button onClick={onApprove} busy={busy === 'approve'} disabled={busy !== null}>
          Approve
        </Button>
        <Button variant="danger" onClick={onFail} busy={busy === 'fail'} disabled={busy !== null}>
          Fail
        </Button>
      </div>
    </section>
  );
}
