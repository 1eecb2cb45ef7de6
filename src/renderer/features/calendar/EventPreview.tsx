// A card beside the pointer (or the focused event) with what a post says: its time, channels,
// status, the start of its text and its first image.
import { Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { STATUS_LABELS, type Channel, type Post } from '../../../shared/domain/schemas';
import { formatInstant } from '../../app/format';
import { NetworkIcon } from '../../components/networkIcons';
import { useThumbnail } from '../../components/Thumbnail';

export interface PreviewTarget {
  post: Post;
  /** the event's box on screen */
  rect: { left: number; right: number; top: number; bottom: number };
}

const WIDTH = 300;
const EXCERPT = 280;
// The card lives outside the calendar page's state: hovering must not re-render the calendar,
// which would replace the event under the pointer and break a drag that starts there.
let current: PreviewTarget | null = null;
const listeners = new Set<() => void>();
export function setPreview(target: PreviewTarget | null): void {
  if (target === current) return;
  current = target;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Shows the card for the hovered event, if any. */
export function EventPreviewHost({ zone, channels, hidden }: { zone: string; channels: ReadonlyMap<string, Channel>; hidden: boolean }) {
  const target = useSyncExternalStore(subscribe, () => current);
  return target && !hidden ? <EventPreview target={target} zone={zone} channels={channels} /> : null;
}

function EventPreview({ target, zone, channels }: { target: PreviewTarget; zone: string; channels: ReadonlyMap<string, Channel> }) {
  const { post, rect } = target;
  const thumbnail = useThumbnail(post.images[0]?.src);
  const text = post.baseText.trim();
  // beside the event, on whichever side has room
  const left = rect.right + 8 + WIDTH < window.innerWidth ? rect.right + 8 : Math.max(8, rect.left - 8 - WIDTH);
  const top = Math.max(8, Math.min(rect.top, window.innerHeight - 320));
  return (
    <Paper
      shadow="md"
      withBorder
      p="sm"
      role="tooltip"
      aria-label={`Preview of ${post.title}`}
      style={{ position: 'fixed', left, top, width: WIDTH, zIndex: 300, pointerEvents: 'none' }}
    >
      <Stack gap={6}>
        <Text fw={600} size="sm" lh={1.3}>
          {post.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {formatInstant(post.scheduledAt, zone)} · {STATUS_LABELS[post.status]}
          </Text>
          {post.channelIds.map((id) => {
            const channel = channels.get(id);
            return channel ? <NetworkIcon key={id} network={channel.network} size={14} title={channel.name} /> : null;
          })}
        </Group>
        {thumbnail && <Image src={thumbnail} alt={post.images[0]?.alt ?? ''} h={120} fit="cover" radius="sm" />}
        <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {text ? (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text) : post.placeholder ? 'To be written.' : 'No text yet.'}
        </Text>
      </Stack>
    </Paper>
  );
}
