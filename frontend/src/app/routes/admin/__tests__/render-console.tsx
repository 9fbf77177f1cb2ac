import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { installMockApi } from '@/testing/mock-api';

type Api = ReturnType<typeof installMockApi>;

/** Renders the app at `path` (e.g. `/admin/payments`) over the mock API, without retries. */
export function renderConsole(path: string, api: Api = installMockApi()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const location = memoryLocation({ path, record: true });
  render(
    <AppProvider queryClient={queryClient}>
      <Router hook={location.hook}>
        <AppRoutes />
      </Router>
    </AppProvider>,
  );
  return { api, user: userEvent.setup(), url: () => location.history.at(-1) ?? '' };
}

/** The mock API with `username` signed in. */
export function signedIn(username = 'admin', handlers: Parameters<typeof installMockApi>[0] = {}) {
  const api = installMockApi(handlers);
  api.admin.signInAs(username);
  return api;
}

export function csrfCookie() {
  return /XSRF-TOKEN=([^;]*)/.exec(document.cookie)?.[1] ?? '';
}
