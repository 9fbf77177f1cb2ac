import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * After an in-app navigation to another path (not on first render, not on a query-string change),
 * scrolls to the top and moves focus to `#targetId`, so keyboard and screen-reader users start at the
 * new page's content instead of on a link that no longer exists.
 */
export function useFocusOnNavigate(targetId: string) {
  const [pathname] = useLocation();
  const first = useRef(pathname);
  useEffect(() => {
    if (first.current === pathname) return;
    first.current = '';
    window.scrollTo?.(0, 0);
    document.getElementById(targetId)?.focus();
  }, [pathname, targetId]);
}
