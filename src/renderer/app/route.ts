// Where the user is, kept in the address's hash (#/calendar?view=week&date=2026-12-08&q=marathon),
// so a reload lands on the same page, view, date and filters and the back button steps back
// through pages and calendar moves. The hash works the same in the browser host and in Electron's
// storybank://app protocol, and never reaches the server.
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE_IDS = ['calendar', 'ideas', 'media', 'review', 'mix', 'export', 'audit', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface Route {
  page: PageId;
  /** page state: calendar view, date, search and filters (plain strings, lists comma-joined) */
  params: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const page = (PAGE_IDS as readonly string[]).includes(path) ? (path as PageId) : 'calendar';
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function formatRoute({ page, params }: Route): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

const listeners = new Set<() => void>();
const current = (): Route => parseRoute(window.location.hash);

/**
 * Goes to a route. `push` adds a history entry (a new page, a calendar move); typing in a search
 * box replaces the entry instead, so Back does not step through every letter.
 */
export function navigate(route: Route, mode: 'push' | 'replace' = 'push'): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  for (const listener of listeners) listener();
}

/** The current route, following Back/Forward and navigate(). */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute((old) => {
      const next = current();
      return formatRoute(next) === formatRoute(old) ? old : next;
    });
    listeners.add(update);
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return route;
}

/** One page's parameters with a setter that keeps the others. */
export function usePageParams(page: PageId): [Record<string, string>, (changes: Record<string, string>, mode?: 'push' | 'replace') => void] {
  const route = useRoute();
  const params = route.page === page ? route.params : {};
  const set = useCallback(
    (changes: Record<string, string>, mode: 'push' | 'replace' = 'push') => {
      const live = current();
      navigate({ page, params: { ...(live.page === page ? live.params : {}), ...changes } }, mode);
    },
    [page],
  );
  return [params, set];
}

export const listParam = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);

/**
 * A text box whose value lives in the address: local while typing, written (debounced, replacing
 * the history entry) 200 ms after the last key, and taken back when Back/Forward brings another.
 * Returns [text, setText, debounced].
 */
export function useTypedParam(value: string | undefined, write: (text: string) => void): [string, (text: string) => void, string] {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 200);
  const written = useRef(value ?? '');
  const writeRef = useRef(write);
  writeRef.current = write;
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    writeRef.current(debounced);
  }, [debounced]);
  useEffect(() => {
    if ((value ?? '') === written.current) return;
    written.current = value ?? '';
    setText(value ?? '');
  }, [value]);
  return [text, setText, debounced];
}
