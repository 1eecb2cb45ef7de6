// Moving posts on the calendar: a drag to another time, or a post from the "No date" tab dropped
// on a day. Each asks first where the bank would not post (a holiday, a blackout, the past) or
// where the scheduler already has the post, and each can be undone. Plain functions, no hooks:
// the page wraps the handlers it gives FullCalendar in stable callbacks.
import type { EventDropArg } from '@fullcalendar/core';
import type { DropArg } from '@fullcalendar/interaction';
import { notifications } from '@mantine/notifications';
import type { Dispatch, SetStateAction } from 'react';
import type { CalendarOverlay } from '../../../shared/api/contract';
import type { Post } from '../../../shared/domain/schemas';
import { utcToZonedWallTime } from '../../../shared/time';
import { call } from '../../api/client';
import { isConflict, showError } from '../../app/errors';
import { formatInstant } from '../../app/format';
import type { useUndo } from '../../app/undo';
import type { useConfirm } from '../../components/ConfirmDialog';
import { dropConcerns } from './dropChecks';
import { eventDateToInstant } from './postEvents';

interface MoveContext {
  zone: string;
  overlay: CalendarOverlay | null;
  backlog: Post[];
  setPosts: Dispatch<SetStateAction<Post[]>>;
  loadSurroundings(): Promise<void>;
  reload(): Promise<void>;
  confirm: ReturnType<typeof useConfirm>[0];
  undo: ReturnType<typeof useUndo>;
}

export function calendarMoves({ zone, overlay, backlog, setPosts, loadSurroundings, reload, confirm, undo }: MoveContext) {
  const move = async (id: string, scheduledAt: string | null, revision: number, confirmHandedOver = false) => {
    const post = await call('posts.move', { id, scheduledAt, revision, ...(confirmHandedOver ? { confirmHandedOver } : {}) });
    setPosts((list) => list.map((p) => (p.id === id ? post : p)));
    void loadSurroundings();
    return post;
  };

  /** Asks before a post goes to a closed, blacked-out or past day; false = the user said no. */
  const mayDropAt = async (instant: string): Promise<boolean> => {
    const concerns = dropConcerns(instant, utcToZonedWallTime(instant, zone).date, overlay);
    return concerns.length === 0 || confirm({ title: 'Schedule it there?', reasons: concerns, confirmLabel: 'Schedule anyway' });
  };

  const onEventDrop = async (arg: EventDropArg) => {
    const post = arg.event.extendedProps.post as Post;
    const target = eventDateToInstant(arg.event.start!, zone);
    if (!target.instant) {
      arg.revert();
      notifications.show({ color: 'orange', title: 'That time does not exist', message: target.message });
      return;
    }
    if (!(await mayDropAt(target.instant))) return arg.revert();
    if (target.status === 'ambiguous') notifications.show({ color: 'yellow', title: 'Time happens twice', message: target.message });
    const before = post.scheduledAt;
    const after = target.instant;
    try {
      // an exported or published post is already in the scheduler: moving it here needs a yes
      const handedOver = post.status === 'exported' || post.status === 'published';
      if (
        handedOver &&
        !(await confirm({
          title: 'Move a post the scheduler already has?',
          reasons: [`“${post.title}” is ${post.status}: the scheduler keeps the old time until you change it there too.`, 'The move is recorded in the audit trail as made after export.'],
          confirmLabel: 'Move it anyway',
        }))
      ) {
        return arg.revert();
      }
      // undo and redo each send the revision the last step left
      let current = await move(post.id, after, post.revision, handedOver);
      undo.announce(
        {
          label: `move of “${post.title}”`,
          undo: async () => void (current = await move(post.id, before, current.revision, handedOver)),
          redo: async () => void (current = await move(post.id, after, current.revision, handedOver)),
        },
        { title: 'Post moved', message: `“${post.title}” is now on ${formatInstant(after, zone)}.` },
      );
    } catch (error) {
      arg.revert();
      showError(error, 'Could not move the post');
      if (isConflict(error)) await reload();
    }
  };

  /** A backlog post dropped on the calendar gets that day (09:00 in month view) or that time. */
  const onDrop = async (arg: DropArg) => {
    const post = backlog.find((p) => p.id === arg.draggedEl.dataset.postId);
    if (!post) return;
    const target = eventDateToInstant(arg.date, zone, arg.allDay);
    if (!target.instant) {
      notifications.show({ color: 'orange', title: 'That time does not exist', message: target.message });
      return;
    }
    const at = target.instant;
    if (!(await mayDropAt(at))) return;
    try {
      let current = await call('posts.move', { id: post.id, scheduledAt: at, revision: post.revision });
      undo.announce(
        {
          label: `scheduling “${post.title}”`,
          undo: async () => void ((current = await call('posts.move', { id: post.id, scheduledAt: null, revision: current.revision })), await reload()),
          redo: async () => void ((current = await call('posts.move', { id: post.id, scheduledAt: at, revision: current.revision })), await reload()),
        },
        { title: 'Post scheduled', message: `“${post.title}” is on ${formatInstant(at, zone)}.` },
      );
      await reload();
    } catch (error) {
      showError(error, 'Could not schedule the post');
      if (isConflict(error)) await reload();
    }
  };

  return { onEventDrop, onDrop };
}
