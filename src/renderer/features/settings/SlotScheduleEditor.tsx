import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconClockPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { LocalTime } from '../../../shared/domain/schemas';
import { showError } from '../../app/errors';
import { FieldError, MUTED } from './feedback';
import { DAY_PRESETS, WEEKDAYS, addRow, formatTime, toggleDay, type DayPreset, type ScheduleRow } from './slotSchedule';

/**
 * A weekly posting schedule like Buffer's: one row per time of day, one column per weekday.
 * Times are wall-clock times in the channel's zone.
 */
export function SlotScheduleEditor({
  rows,
  onChange,
  zone,
}: {
  rows: ScheduleRow[];
  onChange: (rows: ScheduleRow[]) => void;
  zone: string;
}) {
  const [newTime, setNewTime] = useState('09:00');
  const [preset, setPreset] = useState<DayPreset>('weekdays');
  const headingId = useId();

  const add = () => {
    const time = newTime.slice(0, 5);
    if (!LocalTime.safeParse(time).success) {
      showError(new FieldError('New posting time', 'enter a time such as 09:30'), 'Could not add the time');
      return;
    }
    onChange(addRow(rows, time, DAY_PRESETS[preset].days));
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId}>
      <div>
        <Text size="sm" fw="var(--mantine-font-weight-medium)" id={headingId}>
          Posting schedule
        </Text>
        <Text size="xs" c={MUTED}>
          The times this channel usually posts, in {zone.replaceAll('_', ' ')}. Empty slots show on the calendar as places to fill.
        </Text>
      </div>
      {rows.length === 0 ? (
        <Text size="sm" c={MUTED} fs="italic" py="xs">
          No posting times yet: add one below.
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" layout="fixed" aria-label="Posting times by weekday">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>Time</Table.Th>
              {WEEKDAYS.map((d) => (
                <Table.Th key={d.day} ta="center">
                  <abbr title={d.long} style={{ textDecoration: 'none' }}>
                    {d.short}
                  </abbr>
                </Table.Th>
              ))}
              <Table.Th w={44}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.time}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatTime(row.time)}
                  </Text>
                </Table.Td>
                {WEEKDAYS.map((d) => (
                  <Table.Td key={d.day}>
                    <Group justify="center">
                      <Checkbox
                        aria-label={`Post on ${d.long} at ${formatTime(row.time)}`}
                        checked={row.days.includes(d.day)}
                        onChange={() => onChange(toggleDay(rows, row.time, d.day))}
                      />
                    </Group>
                  </Table.Td>
                ))}
                <Table.Td>
                  <Tooltip label={`Remove ${formatTime(row.time)}`}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${formatTime(row.time)}`}
                      onClick={() => onChange(rows.filter((r) => r.time !== row.time))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm" align="flex-end">
        <TextInput
          label="New posting time"
          type="time"
          value={newTime}
          onChange={(e) => setNewTime(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          w={140}
        />
        <Select
          label="On"
          data={Object.entries(DAY_PRESETS).map(([value, p]) => ({ value, label: p.label }))}
          value={preset}
          onChange={(v) => v && setPreset(v as DayPreset)}
          allowDeselect={false}
          w={200}
        />
        <Button variant="default" leftSection={<IconClockPlus size={16} />} onClick={add}>
          Add time
        </Button>
      </Group>
    </Stack>
  );
}
