import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { WorkspaceInfo } from '../../shared/api/contract';
import type { Category, Channel } from '../../shared/domain/schemas';
import { loadEssentials, takeBootLoad } from './boot';
import { isSuperseded, useLatest } from './latest';

interface WorkspaceState {
  info: WorkspaceInfo;
  channels: Channel[];
  categories: Category[];
  reload(): Promise<void>;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** Loads what every screen needs (workspace, channels, categories) once, with a reload for edits. */
export function WorkspaceProvider({ children, fallback }: { children: ReactNode; fallback: (error: string | null) => ReactNode }) {
  const [state, setState] = useState<Omit<WorkspaceState, 'reload'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useLatest();
  const reload = useCallback(async () => {
    try {
      const [info, channels, categories] = await latest(() => takeBootLoad('essentials') ?? loadEssentials());
      setState({ info, channels, categories });
      setError(null);
    } catch (e) {
      if (!isSuperseded(e)) setError(e instanceof Error ? e.message : String(e));
    }
  }, [latest]);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!state) return <>{fallback(error)}</>;
  return <WorkspaceContext.Provider value={{ ...state, reload }}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace outside WorkspaceProvider');
  return state;
}
