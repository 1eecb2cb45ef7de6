import {
  ActionIcon,
  Badge,
  Button,
  ColorSwatch,
  EmptyState,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconBroadcast, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { NETWORK_LABELS, type Channel } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useWorkspace } from '../../app/workspace';
import { ChannelForm } from './ChannelForm';
import { showSaved, MUTED } from './feedback';
import { WEEKDAYS, describeSchedule, formatTime, slotsToRows } from './slotSchedule';

export function ChannelsSection() {
  const { channels } = useWorkspace();
  const [editing, setEditing] = useState<{ channel?: Channel } | null>(null);
  const [deleting, setDeleting] = useState<Channel | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Channels
          </Title>
          <Text c={MUTED} size="sm">
            The social accounts you plan posts for, and when each one usually posts.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>
          Add channel
        </Button>
      </Group>
      {channels.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconBroadcast size={28} />}
            title="No channels yet"
            description="Add the Facebook page, Instagram account or other profiles your team posts to."
          />
        </Paper>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Channels">
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onEdit={() => setEditing({ channel })} onDelete={() => setDeleting(channel)} />
          ))}
        </Stack>
      )}
      {editing && <ChannelForm channel={editing.channel} onClose={() => setEditing(null)} />}
      {deleting && <DeleteChannelModal channel={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

function ChannelRow({ channel, onEdit, onDelete }: { channel: Channel; onEdit: () => void; onDelete: () => void }) {
  const { info } = useWorkspace();
  const rows = slotsToRows(channel.slots);
  const zone = channel.timezone ?? info.timezone;
  return (
    <Paper component="li" withBorder p="md" aria-label={channel.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ColorSwatch color={channel.color} size={22} mt={2} aria-hidden />
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>{channel.name}</Text>
              <Badge variant="light" color="gray" size="sm">
                {NETWORK_LABELS[channel.network]}
              </Badge>
              {channel.network === 'mastodon' && channel.maxLength && (
                <Badge variant="outline" color="gray" size="sm">
                  {channel.maxLength} characters
                </Badge>
              )}
            </Group>
            <Text size="sm" c={MUTED}>
              {[channel.handle, `${zone.replaceAll('_', ' ')}${channel.timezone ? '' : ' (workspace)'}`, describeSchedule(channel.slots)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {rows.length > 0 && (
              <Group gap={6} mt={2}>
                {rows.map((row) => (
                  <Badge key={row.time} variant="dot" color={channel.color} size="md" tt="none" fw={500}>
                    {formatTime(row.time)} · {summariseDays(row.days)}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Edit channel">
            <ActionIcon variant="subtle" size="lg" aria-label={`Edit ${channel.name}`} onClick={onEdit}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete channel">
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Delete ${channel.name}`} onClick={onDelete}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}

/** "Mon–Fri", "Mon, Wed, Fri", "Every day" */
function summariseDays(days: number[]): string {
  if (days.length === 7) return 'Every day';
  const key = days.join(',');
  if (key === '1,2,3,4,5') return 'Mon–Fri';
  if (key === '6,7') return 'Sat–Sun';
  return days.map((d) => WEEKDAYS[d - 1].short).join(', ');
}

function DeleteChannelModal({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const { reload } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [postCount, setPostCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    call('posts.list', { channelIds: [channel.id] })
      .then((posts) => live && setPostCount(posts.length))
      .catch(() => live && setPostCount(null));
    return () => {
      live = false;
    };
  }, [channel.id]);
  const remove = async () => {
    setBusy(true);
    try {
      await call('channels.delete', { id: channel.id });
      await reload();
      showSaved('Channel deleted', `“${channel.name}” was removed.`);
      onClose();
    } catch (error) {
      showError(error, 'Could not delete the channel');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Delete ${channel.name}?`} size="md" closeButtonProps={{ 'aria-label': 'Close' }} className="sb-settings">
      <Stack gap="md">
        {postCount !== null && (
          <Text size="sm" fw={500}>
            {postCount === 0 ? 'No posts use this channel.' : `${postCount} ${postCount === 1 ? 'post uses' : 'posts use'} this channel.`}
          </Text>
        )}
        <Text size="sm">
          Posts planned for this channel will lose it: the posts themselves are kept, but they will no longer be exported
          to <b>{channel.name}</b>. Its posting schedule is deleted too. This cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep channel
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            Delete channel
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
