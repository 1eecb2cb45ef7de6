// Teammates' changes arrive while a screen is open: the header's sync badge announces them here and
// each page's data hook reloads, the way it does after its own edits.
import { useEffect, useRef } from 'react';

const listeners = new Set<() => void>();

export function announceTeamChanges(): void {
  for (const listener of listeners) listener();
}

/** Calls `reload` whenever teammates' changes have been applied to this workspace. */
export function useTeamChanges(reload: () => unknown): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    const listener = () => void latest.current();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}
