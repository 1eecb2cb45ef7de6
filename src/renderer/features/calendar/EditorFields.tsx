// The post editor's field groups that have logic of their own: when (with the past, DST and
// closure warnings), which channels (with each one's slot time), the link and its tracking, and
// how a new post repeats.
import { Alert, Button, Chip, Collapse, Group, List, Modal, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Channel, Post } from '../../../shared/domain/schemas';
import type { ClosureFinding } from '../../../shared/calendar-rules';
import type { zonedWallTimeToUtc } from '../../../shared/time';
import { formatInstant } from '../../app/format';
import { zoneShortName } from '../settings/timeZones';
import { trackedLinkOf, hasUtmOf, type Draft, type Repeat, type SetField } from './editorDraft';

type When = ReturnType<typeof zonedWallTimeToUtc> | null;

interface FieldProps {
  draft: Draft;
  set: SetField;
  fieldErrors: Record<string, string>;
}

export function ScheduleFields({ draft, set, fieldErrors, when, zone, closures }: FieldProps & { when: When; zone: string; closures: ClosureFinding[] }) {
  return (
    <>
      <SimpleGrid cols={2}>
        <TextInput label="Date" type="date" error={fieldErrors.scheduledAt} value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} />
        <TextInput label={`Time, ${zoneShortName(zone)}`} type="time" value={draft.time} onChange={(e) => set('time', e.currentTarget.value)} />
      </SimpleGrid>
      {when?.instant && Date.parse(when.instant) < Date.now() && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />} role="status" p="xs">
          {formatInstant(when.instant, zone)} has already passed: a scheduler will refuse a post in the past.
        </Alert>
      )}
      {when && when.status !== 'ok' && (
        <Alert color={when.status === 'gap' ? 'red' : 'yellow'} icon={<IconAlertTriangle size={16} />} role="alert">
          {when.message}
        </Alert>
      )}
      {closures.map((c) => (
        <Alert key={c.message} color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
          {c.message}
        </Alert>
      ))}
    </>
  );
}

export function ChannelPicker({ draft, set, fieldErrors, channels, channelTimes }: FieldProps & { channels: Channel[]; channelTimes: string[] }) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id="channels-label">
        Channels
      </Text>
      <Chip.Group multiple value={draft.channelIds} onChange={(v) => set('channelIds', v)}>
        <Group gap={6} role="group" aria-labelledby="channels-label" aria-describedby={fieldErrors.channelIds ? 'channels-error' : undefined}>
          {channels.map((c) => (
            <Chip key={c.id} value={c.id} size="sm" color={c.color}>
              {c.name}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {fieldErrors.channelIds && (
        <Text size="xs" c="red.8" mt={4} id="channels-error" role="alert">
          {fieldErrors.channelIds}
        </Text>
      )}
      {channelTimes.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          Each at its own slot time: {channelTimes.join('; ')}.
        </Text>
      )}
    </div>
  );
}

export function LinkField({ draft, set, fieldErrors, showUtm, onShowUtm }: FieldProps & { showUtm: boolean; onShowUtm: (show: boolean) => void }) {
  const preview = hasUtmOf(draft) ? trackedLinkOf(draft) : null;
  return (
    <>
      <Group align="flex-end" gap="xs">
        <TextInput style={{ flex: 1 }} label="Link" placeholder="https://" error={fieldErrors.link} value={draft.link} onChange={(e) => set('link', e.currentTarget.value)} />
        <Button variant="subtle" size="sm" onClick={() => onShowUtm(!showUtm)} aria-expanded={showUtm}>
          {showUtm ? 'Hide tracking' : 'Add tracking (UTM)'}
        </Button>
      </Group>
      <Collapse expanded={showUtm}>
        <SimpleGrid cols={3} spacing="xs">
          {(['source', 'medium', 'campaign', 'term', 'content'] as const).map((key) => (
            <TextInput key={key} size="xs" label={`utm_${key}`} value={draft.utm[key]} onChange={(e) => set('utm', { ...draft.utm, [key]: e.currentTarget.value })} />
          ))}
        </SimpleGrid>
        {preview && (
          <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>
            {preview}
          </Text>
        )}
      </Collapse>
    </>
  );
}

const REPEATS: Array<{ value: Repeat; label: string }> = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
  { value: 'monthly', label: 'Every month' },
];

export function RepeatFields({ draft, set }: Omit<FieldProps, 'fieldErrors'>) {
  const day = Number(draft.date.slice(8, 10));
  return (
    <Group gap="xs" align="flex-end">
      <Select label="Repeat" w={180} data={REPEATS} value={draft.repeat} onChange={(v) => v && set('repeat', v as Repeat)} allowDeselect={false} />
      {draft.repeat !== 'none' && (
        <NumberInput label="Occurrences" w={140} min={2} max={500} value={draft.repeatCount} onChange={(v) => set('repeatCount', Number(v) || 2)} />
      )}
      {draft.repeat === 'monthly' && day > 28 && (
        <Text size="xs" c="dimmed" maw={260}>
          Months without a day {day} are skipped (as calendar apps do).
        </Text>
      )}
    </Group>
  );
}

/** What the checks found on the saved version (the live checks above cover what is typed). */
export function SavedChecks({ post }: { post: Post }) {
  if (post.issues.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Checks on the saved version" p="xs">
      <List size="xs">
        {post.issues.map((issue, i) => (
          <List.Item key={i} c={issue.severity === 'error' ? 'red.7' : undefined}>
            {issue.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function DiscardChangesDialog({ opened, onKeepEditing, onDiscard }: { opened: boolean; onKeepEditing: () => void; onDiscard: () => void }) {
  return (
    <Modal opened={opened} onClose={onKeepEditing} title="Discard your changes?" size="sm" zIndex={400}>
      <Text size="sm">This post has edits that are not saved yet.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onKeepEditing} data-autofocus>
          Keep editing
        </Button>
        <Button color="red.9" onClick={onDiscard}>
          Discard changes
        </Button>
      </Group>
    </Modal>
  );
}
