// Every data load in the renderer goes through a sequence: each load supersedes the ones before
// it, and an older answer that arrives later is dropped instead of overwriting the newer one
// (search right after changing month must not be undone by the month's slower answer).
import { useCallback, useRef } from 'react';

/** Thrown (and ignored by callers) when a newer load has started since this one. */
export class SupersededLoad extends Error {
  constructor() {
    super('a newer load superseded this one');
    this.name = 'SupersededLoad';
  }
}

/**
 * Returns `latest(load)`: runs `load`, and resolves with its value only if no other load was
 * started through the same sequence meanwhile; otherwise rejects with SupersededLoad.
 */
export function useLatest(): <T>(load: () => Promise<T>) => Promise<T> {
  const sequence = useRef(0);
  return useCallback(async <T,>(load: () => Promise<T>): Promise<T> => {
    const mine = ++sequence.current;
    let value: T;
    try {
      value = await load();
    } catch (error) {
      if (mine !== sequence.current) throw new SupersededLoad();
      throw error;
    }
    if (mine !== sequence.current) throw new SupersededLoad();
    return value;
  }, []);
}

/** For catch handlers: superseded loads are not errors. */
export const isSuperseded = (error: unknown): boolean => error instanceof SupersededLoad;
