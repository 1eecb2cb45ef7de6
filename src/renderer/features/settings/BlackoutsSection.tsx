import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCalendarOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { LocalDate, type BlackoutPeriod } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { FieldError, showSaved, MUTED } from './feedback';
import { daysBetween, formatDateRange, todayIn } from '../../app/format';

export function BlackoutsSection() {
  const { info } = useWorkspace();
  const undo = useUndo();
  const [blackouts, setBlackouts] = useState<BlackoutPeriod[] | null>(null);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ start?: string; end?: string }>({});
  const [saving, setSaving] = useState(false);
  const today = todayIn(info.timezone);

  const refresh = useCallback(async () => {
    try {
      setBlackouts(await call('blackouts.list', {}));
    } catch (error) {
      showError(error, 'Could not load the blackout dates');
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const validate = (): { startDate: string; endDate: string; reason: string } => {
    if (!LocalDate.safeParse(startDate).success) throw new FieldError('Start date', 'choose the first day of the blackout');
    const end = endDate || startDate;
    if (!LocalDate.safeParse(end).success) throw new FieldError('End date', 'choose the last day of the blackout');
    if (end < startDate) throw new FieldError('End date', 'the blackout ends before it starts');
    if (reason.length > 200) throw new FieldError('Reason', 'use at most 200 characters');
    return { startDate, endDate: end, reason: reason.trim() };
  };

  const add = async () => {
    let input: ReturnType<typeof validate>;
    try {
      input = validate();
      setErrors({});
    } catch (error) {
      if (error instanceof FieldError) setErrors({ [error.field === 'Start date' ? 'start' : 'end']: error.problem });
      showError(error, 'Could not add the blackout');
      return;
    }
    setSaving(true);
    try {
      const created = await call('blackouts.create', input);
      let current = created;
      undo.push({
        label: `blackout ${formatDateRange(created.startDate, created.endDate)}`,
        undo: async () => void (await call('blackouts.delete', { id: current.id }), await refresh()),
        redo: async () => void ((current = await call('blackouts.create', input)), await refresh()),
      });
      setStartDate('');
      setEndDate('');
      setReason('');
      await refresh();
      showSaved('Blackout added', `${formatDateRange(created.startDate, created.endDate)}: posts on these dates get a warning.`);
    } catch (error) {
      showError(error, 'Could not add the blackout');
    } finally {
      setSaving(false);
    }
  };

  const remove = async (blackout: BlackoutPeriod) => {
    try {
      await call('blackouts.delete', { id: blackout.id });
      const again = { startDate: blackout.startDate, endDate: blackout.endDate, reason: blackout.reason };
      let current = blackout;
      undo.push({
        label: `delete of blackout ${formatDateRange(blackout.startDate, blackout.endDate)}`,
        undo: async () => void ((current = await call('blackouts.create', again)), await refresh()),
        redo: async () => void (await call('blackouts.delete', { id: current.id }), await refresh()),
      });
      await refresh();
      showSaved('Blackout removed', `${formatDateRange(blackout.startDate, blackout.endDate)}. Press Ctrl+Z to undo.`);
    } catch (error) {
      showError(error, 'Could not remove the blackout');
    }
  };

  const sorted = [...(blackouts ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          Blackout dates
        </Title>
        <Text c={MUTED} size="sm">
          Days nothing should go out: a quiet period, a branch closing, a day of mourning. Posts scheduled on them get a
          warning on the calendar.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Start date"
              description="First day without posts"
              type="date"
              required
              value={startDate}
              error={Boolean(errors.start)}
              onChange={(e) => (setStartDate(e.currentTarget.value), setErrors({}))}
              w={170}
            />
            <TextInput
              label="End date"
              description="Leave empty for one day"
              type="date"
              min={startDate || undefined}
              value={endDate}
              error={Boolean(errors.end)}
              onChange={(e) => (setEndDate(e.currentTarget.value), setErrors({}))}
              w={170}
            />
            <TextInput
              label="Reason"
              description="Shown on the calendar (optional)"
              placeholder="e.g. Quiet period before the annual meeting"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={saving}>
              Add blackout
            </Button>
          </Group>
        </form>
      </Paper>
      {blackouts && sorted.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState icon={<IconCalendarOff size={28} />} title="No blackout dates" description="Add one above when posting should pause." />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Blackout dates" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Dates</Table.Th>
                <Table.Th>Length</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((b) => {
                const past = b.endDate < today;
                const current = b.startDate <= today && today <= b.endDate;
                const days = daysBetween(b.startDate, b.endDate) + 1;
                const label = formatDateRange(b.startDate, b.endDate);
                return (
                  <Table.Tr key={b.id} c={past ? MUTED : undefined}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={500} c={past ? MUTED : undefined}>
                          {label}
                        </Text>
                        {current && (
                          <Badge color="red" variant="light" size="sm">
                            Now
                          </Badge>
                        )}
                        {past && (
                          <Badge color="gray" variant="light" size="sm">
                            Past
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{days === 1 ? '1 day' : `${days} days`}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={b.reason ? undefined : MUTED}>
                        {b.reason || 'No reason given'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Remove blackout">
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove blackout ${label}`} onClick={() => void remove(b)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
