import {
  Alert,
  Button,
  Chip,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { PostInput } from '../../../shared/api/contract';
import { POST_STATUSES, STATUS_LABELS, type Post, type PostStatus } from '../../../shared/domain/schemas';
import { utcToZonedWallTime, zonedWallTimeToUtc } from '../../../shared/time';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';

/** Open the editor on an existing post, or on a new one (optionally at a date and time). */
export type EditorTarget = { post?: Post; date?: string; time?: string; channelIds?: string[] };

interface Draft {
  title: string;
  baseText: string;
  channelIds: string[];
  categoryId: string | null;
  date: string;
  time: string;
  status: PostStatus;
  notes: string;
  link: string;
}

const draftFrom = (target: EditorTarget, zone: string): Draft => {
  const post = target.post;
  const wall = post?.scheduledAt ? utcToZonedWallTime(post.scheduledAt, zone) : null;
  return {
    title: post?.title ?? '',
    baseText: post?.baseText ?? '',
    channelIds: post?.channelIds ?? target.channelIds ?? [],
    categoryId: post?.categoryId ?? null,
    date: wall?.date ?? target.date ?? '',
    time: wall?.time ?? target.time ?? '09:00',
    status: post?.status ?? 'draft',
    notes: post?.notes ?? '',
    link: post?.link?.url ?? '',
  };
};

export function PostEditor({
  target,
  onClose,
  onChanged,
}: {
  target: EditorTarget;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { info, channels, categories } = useWorkspace();
  const zone = info.timezone;
  const undo = useUndo();
  const existing = target.post;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(target, zone));
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const when = useMemo(
    () => (draft.date ? zonedWallTimeToUtc(draft.date, draft.time || '09:00', zone) : null),
    [draft.date, draft.time, zone],
  );

  const toInput = (): PostInput => ({
    title: draft.title,
    baseText: draft.baseText,
    channelIds: draft.channelIds,
    categoryId: draft.categoryId,
    scheduledAt: when ? when.instant : null,
    timezone: existing?.timezone ?? zone,
    status: draft.status,
    notes: draft.notes,
    link: draft.link.trim() ? { url: draft.link.trim(), utm: existing?.link?.utm ?? null } : null,
  });

  const save = async () => {
    if (when && when.status === 'gap') return;
    setSaving(true);
    try {
      if (existing) {
        const before = existing;
        const after = await call('posts.update', { id: existing.id, ...toInput() });
        const restoreFields = (p: Post) => {
          const { id, title, baseText, channelIds, channelTexts, categoryId, scheduledAt, timezone, images, link, notes, status, placeholder } = p;
          return { id, title, baseText, channelIds, channelTexts, categoryId, scheduledAt, timezone, images, link, notes, status, placeholder };
        };
        undo.push({
          label: `edit of “${after.title}”`,
          undo: async () => void (await call('posts.update', restoreFields(before)), onChanged()),
          redo: async () => void (await call('posts.update', restoreFields(after)), onChanged()),
        });
      } else {
        const created = await call('posts.create', toInput());
        undo.push({
          label: `new post “${created.title}”`,
          undo: async () => void (await call('posts.delete', { id: created.id }), onChanged()),
          redo: async () => void (await call('posts.restore', { post: created }), onChanged()),
        });
      }
      onChanged();
      onClose();
    } catch (error) {
      showError(error, 'Could not save the post');
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!existing) return;
    try {
      const { deleted } = await call('posts.delete', { id: existing.id });
      const restore = async () => void (await call('posts.restore', { post: deleted }), onChanged());
      undo.push({
        label: `delete of “${deleted.title}”`,
        undo: restore,
        redo: async () => void (await call('posts.delete', { id: deleted.id }), onChanged()),
      });
      notifications.show({
        title: 'Post deleted',
        message: `“${deleted.title}” was deleted. Press Ctrl+Z to undo.`,
      });
      onChanged();
      onClose();
    } catch (error) {
      showError(error, 'Could not delete the post');
    }
  };

  const duplicate = async () => {
    if (!existing) return;
    try {
      const copy = await call('posts.duplicate', { id: existing.id });
      undo.push({
        label: `duplicate of “${existing.title}”`,
        undo: async () => void (await call('posts.delete', { id: copy.id }), onChanged()),
        redo: async () => void (await call('posts.restore', { post: copy }), onChanged()),
      });
      onChanged();
      onClose();
    } catch (error) {
      showError(error, 'Could not duplicate the post');
    }
  };

  return (
    <Modal opened onClose={onClose} title={existing ? 'Edit post' : 'New post'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <SimpleGrid cols={3}>
            <TextInput label="Date" type="date" value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} />
            <TextInput label={`Time (${zone})`} type="time" value={draft.time} onChange={(e) => set('time', e.currentTarget.value)} />
            <Select
              label="Status"
              data={POST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              value={draft.status}
              onChange={(v) => v && set('status', v as PostStatus)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {when && when.status !== 'ok' && (
            <Alert color={when.status === 'gap' ? 'red' : 'yellow'} icon={<IconAlertTriangle size={16} />} role="alert">
              {when.message}
            </Alert>
          )}
          <Select
            label="Category"
            placeholder="Choose a content pillar"
            data={categories.map((c) => ({ value: c.id, label: c.name }))}
            value={draft.categoryId}
            onChange={(v) => set('categoryId', v)}
            clearable
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="channels-label">
              Channels
            </Text>
            <Chip.Group multiple value={draft.channelIds} onChange={(v) => set('channelIds', v)}>
              <Group gap={6} role="group" aria-labelledby="channels-label">
                {channels.map((c) => (
                  <Chip key={c.id} value={c.id} size="sm" color={c.color}>
                    {c.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
          <Textarea
            label="Text"
            autosize
            minRows={4}
            maxRows={12}
            value={draft.baseText}
            onChange={(e) => set('baseText', e.currentTarget.value)}
          />
          <TextInput label="Link" placeholder="https://" value={draft.link} onChange={(e) => set('link', e.currentTarget.value)} />
          <Textarea label="Internal notes" autosize minRows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          <Group justify="space-between" mt="sm">
            <Group gap="xs">
              {existing && (
                <>
                  <Button variant="subtle" color="red" onClick={() => void remove()}>
                    Delete
                  </Button>
                  <Button variant="subtle" onClick={() => void duplicate()}>
                    Duplicate
                  </Button>
                </>
              )}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={saving} disabled={when?.status === 'gap'}>
                {existing ? 'Save' : 'Create post'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
