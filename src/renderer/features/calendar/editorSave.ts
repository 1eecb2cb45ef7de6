// The editor's three ways to save (an edit, a new post, a new series), and its delete and
// duplicate, each announced with Undo.
// Undo and redo each send the revision the step before left, so they never overwrite someone
// else's edit; undoing an edit gives back the content, never a review status.
import type { OperationInput, PostInput } from '../../../shared/api/contract';
import type { Post } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { formatDate, formatInstant } from '../../app/format';
import type { useUndo } from '../../app/undo';

interface Step {
  undo: ReturnType<typeof useUndo>;
  /** the calendar reloads after each step */
  onChanged(): void;
}

export interface Saving extends Step {
  input: PostInput;
  zone: string;
}

/** The fields an undo or redo writes back: the content and the time, not the status. */
const restoreFields = (p: Post) => {
  const { id, title, baseText, channelIds, channelTexts, channelOffsets, categoryId, scheduledAt, timezone, images, link, notes, placeholder } = p;
  return { id, title, baseText, channelIds, channelTexts, channelOffsets, categoryId, scheduledAt, timezone, images, link, notes, placeholder, confirmHandedOver: true };
};

export async function updateUndoably({ input, undo, onChanged }: Saving, onto: Post, confirmHandedOver: boolean): Promise<void> {
  const before = onto;
  const after = await call('posts.update', { id: onto.id, revision: onto.revision, ...input, ...(confirmHandedOver ? { confirmHandedOver } : {}) });
  let current = after;
  undo.push({
    label: `edit of “${after.title}”`,
    undo: async () => void ((current = await call('posts.update', { ...restoreFields(before), revision: current.revision })), onChanged()),
    redo: async () => void ((current = await call('posts.update', { ...restoreFields(after), revision: current.revision })), onChanged()),
  });
}

export async function createSeriesUndoably({ input, undo, onChanged }: Saving, rule: OperationInput<'series.create'>['rule']): Promise<void> {
  const { posts, skipped } = await call('series.create', { post: input, rule });
  undo.announce(
    {
      label: `series “${input.title}”`,
      undo: async () => {
        for (const p of posts) await call('posts.delete', { id: p.id });
        onChanged();
      },
      redo: async () => {
        for (const p of posts) await call('posts.restore', { post: p });
        onChanged();
      },
    },
    {
      title: 'Series created',
      message: `${posts.length} posts, each editable on its own.${skipped.length ? ` Skipped: ${skipped.map((s) => `${formatDate(s.date)} (${s.message})`).join('; ')}` : ''}`,
    },
  );
}

export async function createUndoably({ input, undo, onChanged, zone }: Saving): Promise<void> {
  const created = await call('posts.create', input);
  undo.announce(
    {
      label: `new post “${created.title}”`,
      undo: async () => void (await call('posts.delete', { id: created.id }), onChanged()),
      redo: async () => void (await call('posts.restore', { post: created }), onChanged()),
    },
    { title: 'Post created', message: `“${created.title}”${created.scheduledAt ? ` on ${formatInstant(created.scheduledAt, zone)}` : ', with no date yet'}.` },
  );
}

export async function deleteUndoably({ undo, onChanged }: Step, post: Post): Promise<void> {
  const { deleted } = await call('posts.delete', { id: post.id });
  undo.announce(
    {
      label: `delete of “${deleted.title}”`,
      undo: async () => void (await call('posts.restore', { post: deleted }), onChanged()),
      redo: async () => void (await call('posts.delete', { id: deleted.id }), onChanged()),
    },
    { title: 'Post deleted', message: `“${deleted.title}” was deleted.` },
  );
}

export async function duplicateUndoably({ undo, onChanged }: Step, post: Post): Promise<void> {
  const copy = await call('posts.duplicate', { id: post.id });
  undo.announce(
    {
      label: `duplicate of “${post.title}”`,
      undo: async () => void (await call('posts.delete', { id: copy.id }), onChanged()),
      redo: async () => void (await call('posts.restore', { post: copy }), onChanged()),
    },
    { title: 'Post duplicated', message: `“${copy.title}” was added.` },
  );
}
