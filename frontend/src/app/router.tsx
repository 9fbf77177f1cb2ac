import { useState } from 'react';

import { createBrowserHistory, Router } from '@/lib/router';

import { routes } from './route-config';

export function AppRouter() {
  const [history] = useState(createBrowserHistory);
  return <Router routes={routes} history={history} focusTargetId="main" />;
}
