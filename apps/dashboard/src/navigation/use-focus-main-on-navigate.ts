import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Moves focus to the main landmark when the page (path) changes, as a full page load would, so
 * screen-reader and keyboard users start at the new content. Sorting or filtering (query string
 * only) leaves focus where it is.
 */
export function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname, main]);
}
