// The List view's open slots, apart from the posts: each day's places still to fill, with a
// button that writes a post for one.
import { Button, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { CalendarOverlay } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/domain/schemas';
import { formatDate, formatTime } from '../../app/format';
import { NetworkIcon } from '../../components/networkIcons';
import type { EditorTarget } from './editorDraft';

type OpenSlot = CalendarOverlay['openSlots'][number];

export function OpenSlotList({ slots, channels, onWrite }: { slots: OpenSlot[]; zone: string; channels: ReadonlyMap<string, Channel>; onWrite(target: EditorTarget): void }) {
  // slots of several channels at one time are one place to fill
  const groups = useMemo(() => {
    const byTime = new Map<string, OpenSlot[]>();
    for (const slot of slots) byTime.set(`${slot.date} ${slot.time}`, [...(byTime.get(`${slot.date} ${slot.time}`) ?? []), slot]);
    return [...byTime.values()].sort((a, b) => a[0].start.localeCompare(b[0].start));
  }, [slots]);
  if (groups.length === 0) return null;
  return (
    <Paper withBorder p="xs" component="section" aria-label="Open slots" bg="gray.0">
      <Text size="sm" fw={600} mb={4}>
        Open slots ({slots.length}): places in your posting schedule with nothing planned yet
      </Text>
      <ScrollArea.Autosize mah={150} viewportProps={{ tabIndex: 0, 'aria-label': 'Open slots, scrollable' }}>
        <Group gap="xs">
          {groups.map((group) => (
            <Button
              key={group[0].id}
              size="compact-sm"
              variant="default"
              leftSection={<IconPencilPlus size={14} />}
              rightSection={
                <Group gap={2} wrap="nowrap">
                  {group.map((slot) => {
                    const channel = channels.get(slot.channelId);
                    return channel ? <NetworkIcon key={slot.id} network={channel.network} size={13} title={channel.name} /> : null;
                  })}
                </Group>
              }
              onClick={() => onWrite({ date: group[0].date, time: group[0].time, channelIds: group.map((slot) => slot.channelId) })}
              aria-label={`Write a post for ${formatDate(group[0].date, false)} ${formatTime(group[0].time)} on ${group.map((slot) => channels.get(slot.channelId)?.name ?? 'a channel').join(', ')}`}
            >
              {formatDate(group[0].date, false)} · {formatTime(group[0].time)}
            </Button>
          ))}
        </Group>
      </ScrollArea.Autosize>
    </Paper>
  );
}
