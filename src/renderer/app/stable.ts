// A callback whose identity never changes but which always runs the latest render's function.
// FullCalendar re-processes every option whose identity changed on each parent render (and its
// React portals re-render with it), so the calendar gets stable handlers.
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
