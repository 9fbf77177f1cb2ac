/** Every page's route pattern and link, in one place (shared, so features link without props). */
export const paths = {
  home: { path: '/' },
  newPayment: { path: '/payment', getHref: () => '/payment' },
  payment: {
    path: '/payment/:paymentId',
    getHref: (paymentId: string) => `/payment/${encodeURIComponent(paymentId)}`,
  },
  /** The console; its own pages are routed relative to this (wouter `nest`). */
  admin: { path: '/admin' },
  sandboxCheckout: { path: '/sandbox/checkout/:sessionId' },
} as const;
