import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** One user action that can be taken back and done again (both directions hit the database). */
export interface UndoableCommand {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** What a toast says after an action: "Post moved" / "“Marathon” is now on Tue, Dec 8, 9:30 AM". */
export interface Announcement {
  title: string;
  message?: string;
}

interface UndoState {
  push(command: UndoableCommand): void;
  /** Pushes the command and shows a toast with an Undo button for it. */
  announce(command: UndoableCommand, announcement: Announcement): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  undoLabel: string | null;
  redoLabel: string | null;
}

const UndoContext = createContext<UndoState | null>(null);
const LIMIT = 100;

export function UndoProvider({ children, onError }: { children: ReactNode; onError: (error: unknown) => void }) {
  const done = useRef<UndoableCommand[]>([]);
  const undone = useRef<UndoableCommand[]>([]);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  const push = useCallback((command: UndoableCommand) => {
    done.current = [...done.current.slice(-(LIMIT - 1)), command];
    undone.current = [];
    bump();
  }, []);

  // Steps run one after another: a Ctrl+Z or Ctrl+Shift+Z pressed while the last step is still
  // saving waits for it (and then acts on the stacks as they are), rather than being dropped.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const step = useCallback(
    (from: React.MutableRefObject<UndoableCommand[]>, to: React.MutableRefObject<UndoableCommand[]>, run: 'undo' | 'redo') => {
      const next = queue.current.then(async () => {
        const command = from.current.at(-1);
        if (!command) return;
        try {
          await command[run]();
          from.current = from.current.slice(0, -1);
          to.current = [...to.current, command];
        } catch (error) {
          onError(error);
        } finally {
          bump();
        }
      });
      queue.current = next;
      return next;
    },
    [onError],
  );

  const undo = useCallback(() => step(done, undone, 'undo'), [step]);
  const redo = useCallback(() => step(undone, done, 'redo'), [step]);

  const announce = useCallback(
    (command: UndoableCommand, { title, message }: Announcement) => {
      push(command);
      const id = `undo-${Date.now()}-${Math.random()}`;
      // Undo from the toast takes back this action only while it is still the latest one: a later
      // change would otherwise be undone first, which is not what the button says.
      const undoThis = () => {
        notifications.hide(id);
        if (done.current.at(-1) === command) void undo();
        else notifications.show({ color: 'yellow', title: 'Later changes came first', message: 'Use Undo in the header (Ctrl+Z) to step back through them.' });
      };
      notifications.show({
        id,
        title,
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{message ?? ''}</Text>
            <Button size="compact-sm" variant="light" onClick={undoThis} aria-label={`Undo ${command.label}`}>
              Undo
            </Button>
          </Group>
        ),
      });
    },
    [push, undo],
  );

  useHotkeys([
    ['mod+Z', () => void undo()],
    ['mod+shift+Z', () => void redo()],
    ['mod+Y', () => void redo()],
  ]);

  const value = useMemo<UndoState>(
    () => ({
      push,
      announce,
      undo,
      redo,
      undoLabel: done.current.at(-1)?.label ?? null,
      redoLabel: undone.current.at(-1)?.label ?? null,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [push, announce, undo, redo, done.current, undone.current],
  );
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

export function useUndo(): UndoState {
  const state = useContext(UndoContext);
  if (!state) throw new Error('useUndo outside UndoProvider');
  return state;
}
