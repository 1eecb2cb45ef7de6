// Unscheduled posts (drafts, ideas turned into drafts): nothing without a date gets lost. Each can
// be opened, or dragged onto the calendar to schedule it.
import { Draggable } from '@fullcalendar/interaction';
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { STATUS_LABELS, type Category, type Channel, type Post } from '../../../shared/domain/schemas';
import { NetworkIcon } from '../../components/networkIcons';

export const BACKLOG_POST_ID = 'postId';

export function BacklogPanel({
  posts,
  categories,
  channels,
  onOpen,
}: {
  posts: Post[];
  categories: Category[];
  channels: Channel[];
  onOpen: (post: Post) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const category = new Map(categories.map((c) => [c.id, c]));
  const channel = new Map(channels.map((c) => [c.id, c]));

  useEffect(() => {
    if (!listRef.current) return;
    // FullCalendar's own drag source: the calendar's `drop` callback schedules the post.
    const draggable = new Draggable(listRef.current, {
      itemSelector: '.sb-backlog-item',
      eventData: (el) => ({ title: el.dataset.title ?? '', duration: '00:30', create: false }),
    });
    return () => draggable.destroy();
  }, []);

  return (
    <Stack gap="xs" ref={listRef} aria-label="Unscheduled posts">
      {posts.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every post has a date. Drafts without one, and story ideas turned into drafts, wait here.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          Drag a post onto a day to schedule it, or open it to set a date.
        </Text>
      )}
      {posts.map((post) => {
        const c = post.categoryId ? category.get(post.categoryId) : undefined;
        return (
          <UnstyledButton
            key={post.id}
            className="sb-backlog-item"
            data-post-id={post.id}
            data-title={post.title}
            onClick={() => onOpen(post)}
            aria-label={`${post.title}, ${STATUS_LABELS[post.status]}, no date: open`}
            style={{ borderLeft: `4px solid ${c?.color ?? '#868e96'}` }}
          >
            <Text size="sm" fw={500} lineClamp={2}>
              {post.title}
            </Text>
            <Group gap={4} mt={2}>
              {c && (
                <Badge size="xs" variant="outline" color="gray.8" tt="none">
                  {c.name}
                </Badge>
              )}
              {post.channelIds.map((id) => {
                const ch = channel.get(id);
                return ch ? <NetworkIcon key={id} network={ch.network} size={14} title={ch.name} /> : null;
              })}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
