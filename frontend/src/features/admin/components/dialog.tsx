import { useEffect, useId, useRef, type ReactNode } from 'react';

type DialogProps = {
  title: string;
  /** Escape or the Close button; ignored while `busy` (a request is in flight). */
  onClose: () => void;
  busy?: boolean;
  children: ReactNode;
};

/**
 * A modal on the native <dialog> (showModal: the browser traps focus and makes the page inert).
 * Rendered only while open; on close, focus goes back to whatever opened it.
 */
export function Dialog({ title, onClose, busy = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
