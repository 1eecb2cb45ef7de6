import {
  Button,
  ColorInput,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  useMantineTheme,
} from '@mantine/core';
import { useState } from 'react';
import type { ChannelInput } from '../../../shared/api/contract';
import { HexColor, NETWORKS, NETWORK_LABELS, type Channel, type Network } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { FieldError, showSaved } from './feedback';
import { SlotScheduleEditor } from './SlotScheduleEditor';
import { rowsToSlots, slotsToRows, type ScheduleRow } from './slotSchedule';
import { timeZoneOptions } from './timeZones';

const SAME_AS_WORKSPACE = 'workspace';
const MASTODON_DEFAULT_LIMIT = 500;

interface Draft {
  network: Network;
  name: string;
  handle: string;
  color: string;
  timezone: string;
  maxLength: number | string;
  rows: ScheduleRow[];
}

const draftFrom = (channel: Channel | undefined): Draft => ({
  network: channel?.network ?? 'facebook',
  name: channel?.name ?? '',
  handle: channel?.handle ?? '',
  color: channel?.color ?? '',
  timezone: channel?.timezone ?? SAME_AS_WORKSPACE,
  maxLength: channel?.maxLength ?? '',
  rows: slotsToRows(channel?.slots ?? []),
});

/** Checks what the user typed; the message of each problem names the field as labelled on screen. */
function toInput(draft: Draft): ChannelInput {
  const name = draft.name.trim();
  if (!name) throw new FieldError('Channel name', 'enter a name the team will recognise');
  if (name.length > 120) throw new FieldError('Channel name', 'use at most 120 characters');
  if (draft.handle.length > 120) throw new FieldError('Handle', 'use at most 120 characters');
  const color = draft.color.trim();
  if (color && !HexColor.safeParse(color).success) throw new FieldError('Colour', 'pick a colour such as #1f7a8c');
  let maxLength: number | null = null;
  if (draft.network === 'mastodon' && draft.maxLength !== '') {
    const limit = Number(draft.maxLength);
    if (!Number.isInteger(limit) || limit < 1) throw new FieldError('Mastodon character limit', 'enter a whole number above 0');
    maxLength = limit;
  }
  return {
    network: draft.network,
    name,
    handle: draft.handle.trim(),
    ...(color ? { color } : {}),
    timezone: draft.timezone === SAME_AS_WORKSPACE ? null : draft.timezone,
    slots: rowsToSlots(draft.rows),
    maxLength,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const editableFields = (c: Channel): ChannelInput & { id: string } => ({
  id: c.id,
  network: c.network,
  name: c.name,
  handle: c.handle,
  color: c.color,
  timezone: c.timezone,
  slots: c.slots,
  maxLength: c.maxLength,
});

/** Create a channel (no `channel`) or edit one, in a modal. */
export function ChannelForm({ channel, onClose }: { channel?: Channel; onClose: () => void }) {
  const { info, reload } = useWorkspace();
  const undo = useUndo();
  const theme = useMantineTheme();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(channel));
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const zone = draft.timezone === SAME_AS_WORKSPACE ? info.timezone : draft.timezone;
  const swatches = ['teal', 'blue', 'indigo', 'violet', 'grape', 'pink', 'red', 'orange', 'yellow', 'green', 'cyan', 'gray'].map(
    (c) => theme.colors[c][7],
  );
  const zoneData = [
    { group: 'Default', items: [{ value: SAME_AS_WORKSPACE, label: `Same as the workspace (${info.timezone.replaceAll('_', ' ')})` }] },
    ...timeZoneOptions([channel?.timezone]),
  ];

  const save = async () => {
    let input: ChannelInput;
    try {
      input = toInput(draft);
      setNameError(null);
    } catch (error) {
      if (error instanceof FieldError && error.field === 'Channel name') setNameError(capitalise(error.problem));
      showError(error, channel ? 'Could not save the channel' : 'Could not add the channel');
      return;
    }
    setSaving(true);
    try {
      if (channel) {
        const before = editableFields(channel);
        const saved = await call('channels.update', { id: channel.id, revision: channel.revision, ...input });
        const after = editableFields(saved);
        let revision = saved.revision;
        undo.push({
          label: `edit of channel “${saved.name}”`,
          undo: async () => void ((revision = (await call('channels.update', { ...before, revision })).revision), await reload()),
          redo: async () => void ((revision = (await call('channels.update', { ...after, revision })).revision), await reload()),
        });
        showSaved('Channel saved', `“${saved.name}” is up to date.`);
      } else {
        const created = await call('channels.create', input);
        // Redo creates it again with a new id: posts never referred to the undone one.
        let current = created;
        undo.push({
          label: `new channel “${created.name}”`,
          undo: async () => void (await call('channels.delete', { id: current.id }), await reload()),
          redo: async () => {
            const { id: _id, ...again } = editableFields(current);
            current = await call('channels.create', again);
            await reload();
          },
        });
        showSaved('Channel added', `“${created.name}” is ready for posts.`);
      }
      await reload();
      onClose();
    } catch (error) {
      showError(error, channel ? 'Could not save the channel' : 'Could not add the channel');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={channel ? `Edit ${channel.name}` : 'Add a channel'} size="xl" closeButtonProps={{ 'aria-label': 'Close' }} className="sb-settings">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label="Network"
              data={NETWORKS.map((n) => ({ value: n, label: NETWORK_LABELS[n] }))}
              value={draft.network}
              onChange={(v) => v && set('network', v as Network)}
              description="Where this channel posts"
              allowDeselect={false}
              data-autofocus
            />
            <TextInput
              label="Channel name"
              description="How the team recognises it on the calendar"
              placeholder="e.g. Main Street branch (Google)"
              required
              value={draft.name}
              error={nameError}
              onChange={(e) => {
                set('name', e.currentTarget.value);
                if (nameError) setNameError(null);
              }}
            />
            <TextInput
              label="Handle"
              description="The account name on the network (optional)"
              placeholder="@riversidebank"
              value={draft.handle}
              onChange={(e) => set('handle', e.currentTarget.value)}
            />
            <ColorInput
              label="Colour"
              description="Marks this channel’s posts on the calendar"
              placeholder="The network's own colour"
              format="hex"
              swatches={swatches}
              swatchesPerRow={6}
              eyeDropperButtonProps={{ 'aria-label': 'Pick a colour from the screen' }}
              value={draft.color}
              onChange={(v) => set('color', v)}
            />
            <Select
              label="Time zone"
              description="Posting times below are in this zone"
              data={zoneData}
              value={draft.timezone}
              onChange={(v) => v && set('timezone', v)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
              maxDropdownHeight={280}
            />
            {draft.network === 'mastodon' && (
              <NumberInput
                label="Mastodon character limit"
                description={`Your server's limit (most use ${MASTODON_DEFAULT_LIMIT})`}
                placeholder={String(MASTODON_DEFAULT_LIMIT)}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={draft.maxLength}
                onChange={(v) => set('maxLength', v)}
              />
            )}
          </SimpleGrid>
          <Divider my={4} />
          <SlotScheduleEditor rows={draft.rows} onChange={(rows) => set('rows', rows)} zone={zone} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {channel ? 'Save channel' : 'Add channel'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
