/**
 * A deliberately tiny client-side router (three routes do not need react-router's ~29 kB gz).
 * Browser history in the app, in-memory history in tests; `:param` segments and a `*` fallback.
 */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

type RouterHistory = {
  pathname: () => string;
  push: (path: string) => void;
  replace: (path: string) => void;
  subscribe: (listener: () => void) => () => void;
};

export type RouteDefinition = { path: string; element: ReactNode };

type RouterState = { params: Record<string, string>; history: RouterHistory };

const RouterContext = createContext<RouterState | null>(null);

export function createBrowserHistory(): RouterHistory {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const go = (path: string, replace: boolean) => {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    window.scrollTo?.(0, 0);
    notify();
  };
  return {
    pathname: () => window.location.pathname,
    push: (path) => go(path, false),
    replace: (path) => go(path, true),
    subscribe: (listener) => {
      listeners.add(listener);
      window.addEventListener('popstate', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', listener);
      };
    },
  };
}

export function createMemoryHistory(initialPath = '/'): RouterHistory & { entries: string[] } {
  const listeners = new Set<() => void>();
  const entries = [initialPath];
  const notify = () => listeners.forEach((l) => l());
  return {
    entries,
    pathname: () => new URL(entries[entries.length - 1] ?? '/', 'http://memory').pathname,
    push: (path) => {
      entries.push(path);
      notify();
    },
    replace: (path) => {
      entries[entries.length - 1] = path;
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Matches `/payment/:paymentId` against a pathname; returns the decoded params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === '*') return {};
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

function resolveRoute(routes: RouteDefinition[], pathname: string, history: RouterHistory) {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { state: { params, history }, element: route.element };
  }
  return { state: { params: {}, history }, element: null };
}

type RouterProps = {
  routes: RouteDefinition[];
  history: RouterHistory;
  /** Id of the element that receives focus after an in-app navigation (for screen-reader and keyboard users). */
  focusTargetId?: string;
};

export function Router({ routes, history, focusTargetId }: RouterProps) {
  const pathname = useSyncExternalStore(history.subscribe, history.pathname, history.pathname);
  const firstPathname = useRef(pathname);
  useEffect(() => {
    if (!focusTargetId || pathname === firstPathname.current) return;
    firstPathname.current = '';
    document.getElementById(focusTargetId)?.focus();
  }, [pathname, focusTargetId]);
  const { state, element } = useMemo(() => resolveRoute(routes, pathname, history), [routes, pathname, history]);
  return <RouterContext.Provider value={state}>{element}</RouterContext.Provider>;
}

function useRouter(): RouterState {
  const state = useContext(RouterContext);
  if (!state) throw new Error('Router hooks must be used inside <Router>');
  return state;
}

export const useParams = (): Record<string, string | undefined> => useRouter().params;

export function useNavigate(): (path: string, options?: { replace?: boolean }) => void {
  const { history } = useRouter();
  return (path, options) => (options?.replace ? history.replace(path) : history.push(path));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary link (works with middle-click, new tab, no JS) that navigates in-app on a plain click. */
export function Link({ to, onClick, target, ...rest }: LinkProps) {
  const { history } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (target && target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    history.push(to);
  };
  return <a href={to} target={target} onClick={handleClick} {...rest} />;
}
