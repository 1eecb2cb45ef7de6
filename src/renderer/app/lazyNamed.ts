import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A module's named component as a chunk of its own, loaded the first time it is drawn (inside a
 * Suspense); `preload()` fetches it ahead, so opening it later does not wait on the chunk.
 */
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> & { preload(): void } {
  const component = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(component, { preload: () => void load().catch(() => undefined) });
}
