import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'danger' | 'info';
  title?: string;
  children: ReactNode;
  /** `alert` announces immediately; leave unset where another live region already announces. */
  role?: 'alert';
};

export function Alert({ tone = 'danger', title, children, role }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {title && <p className="alert__title">{title}</p>}
      <div className="alert__body">{children}</div>
    </div>
  );
}
