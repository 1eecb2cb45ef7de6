// Autofill: preview which open slot gets which category and item (and why), then apply it in
// one transaction; applying is undoable.
import { Alert, Badge, Button, Collapse, Group, Modal, Progress, ScrollArea, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PlanPreview, PlanScope } from '../../../shared/api/contract';
import { balanceSentence, piecesByMonth } from '../../../shared/planning';
import { plural } from '../../../shared/words';
import { call } from '../../api/client';
import { ApiFailure } from '../../api/client';
import { showError } from '../../app/errors';
import { formatDateRange, formatInstant } from '../../app/format';
import { useJob } from '../../app/jobs';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));

export function PlanDialog({
  initialFrom,
  initialTo,
  onClose,
  onApplied,
}: {
  initialFrom: string;
  initialTo: string;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { info, channels, categories } = useWorkspace();
  const undo = useUndo();
  const [scope, setScope] = useState<PlanScope>({ from: initialFrom, to: initialTo, placeholders: true });
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [details, setDetails] = useState(false);
  const job = useJob();
  /** A cancelled job is the user's choice, not an error. */
  const failed = (error: unknown, title: string) => {
    if (error instanceof ApiFailure && error.error.code === 'cancelled') notifications.show({ title: 'Cancelled', message: 'Nothing was changed.' });
    else showError(error, title);
  };
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const category = new Map(categories.map((c) => [c.id, c]));

  const runPreview = async () => {
    setBusy('preview');
    try {
      setPreview(await job.run('planning.preview', scope));
    } catch (error) {
      failed(error, 'Could not plan');
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    setBusy('apply');
    try {
      let applied = await job.run('planning.apply', scope);
      undo.announce(
        {
          label: `plan ${formatDateRange(scope.from, scope.to)}`,
          undo: async () => {
            await call('planning.undo', { batchId: applied.batchId });
            onApplied();
          },
          redo: async () => {
            applied = await call('planning.apply', scope);
            onApplied();
          },
        },
        {
          title: 'Plan applied',
          message: `${plural(applied.placeholders, 'post')} to write, ${plural(applied.fromIdeas, 'post')} from story ideas, ${plural(applied.scheduled, 'draft')} from the backlog scheduled.`,
        },
      );
      onApplied();
      onClose();
    } catch (error) {
      failed(error, 'Could not apply the plan');
    } finally {
      setBusy(null);
    }
  };

  const overall = preview?.result.metrics.overall;
  const causes = preview?.result.metrics.channels.flatMap((c) => c.excessCauses) ?? [];
  return (
    <Modal opened onClose={onClose} title="Plan open slots" size="90%">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Fills the channels' open posting slots so every channel keeps its content mix on target. Posts already
          scheduled stay where they are and count toward the mix; blackout days and bank holidays get nothing. Where the
          backlog has a fitting draft or accepted story idea it is used (earliest expiry first); otherwise a placeholder
          tells you what to write.
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <TextInput label="From" type="date" value={scope.from} onChange={(e) => setScope({ ...scope, from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={scope.to} onChange={(e) => setScope({ ...scope, to: e.currentTarget.value })} />
          <Select
            label="Channel"
            data={[{ value: '', label: 'All channels' }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
            value={scope.channelId ?? ''}
            onChange={(v) => setScope({ ...scope, channelId: v || undefined })}
            allowDeselect={false}
          />
          <Switch
            mt={28}
            label="Placeholders where the backlog is empty"
            checked={scope.placeholders ?? true}
            onChange={(e) => setScope({ ...scope, placeholders: e.currentTarget.checked })}
          />
        </SimpleGrid>
        <Group>
          <Button onClick={() => void runPreview()} loading={busy === 'preview'} variant="light">
            Preview
          </Button>
          {job.progress && (
            <Group gap="xs" style={{ flex: 1 }} aria-live="polite">
              <Text size="sm" c="dimmed">
                {job.progress.phase}…
              </Text>
              <Progress
                value={job.progress.total ? (100 * job.progress.done) / job.progress.total : 0}
                style={{ flex: 1, maxWidth: 240 }}
                aria-label="Planning progress"
              />
              <Button size="xs" variant="default" onClick={() => void job.cancel()} aria-label="Stop planning">
                Stop
              </Button>
            </Group>
          )}
        </Group>
        {preview && overall && (
          <>
            <Stack gap={4} aria-label="Plan summary">
              {piecesByMonth(preview.result, (id) => category.get(id)?.name ?? 'other').map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              <Text size="sm">{balanceSentence(preview.result, (id) => channelName.get(id) ?? id)}</Text>
            </Stack>
            <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setDetails((open) => !open)} aria-expanded={details}>
              {details ? 'Hide details' : 'Details'}
            </Button>
            <Collapse expanded={details}>
              <Table striped withTableBorder fz="xs" aria-label="Quality per channel">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th>Posts</Table.Th>
                    <Table.Th>Already scheduled</Table.Th>
                    <Table.Th title="The most any category gets ahead of or behind its target share, counted from the first post">Largest drift (posts)</Table.Th>
                    <Table.Th title="The smallest largest drift any plan can reach with what is already scheduled">Best possible</Table.Th>
                    <Table.Th>Worst run of {overall.windowSize}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.result.metrics.channels.map((m) => (
                    <Table.Tr key={m.channelId}>
                      <Table.Td>{channelName.get(m.channelId) ?? m.channelId}</Table.Td>
                      <Table.Td>{m.posts}</Table.Td>
                      <Table.Td>{m.pinned}</Table.Td>
                      <Table.Td>{fmt(m.maxPrefixDeviation)}</Table.Td>
                      <Table.Td>{fmt(m.optimalPrefixDeviation)}</Table.Td>
                      <Table.Td>{fmt(m.windowDeviation)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt={4}>
                No plan can drift less than {fmt(overall.lowerBound)} posts with these targets; {fmt(overall.tijdemanBound)} is always reachable without
                pinned posts or rules (Tijdeman's bound).
              </Text>
            </Collapse>
            {causes.length > 0 && (
              <Alert color="yellow" variant="light" title="Why the mix cannot be perfect here" p="xs">
                {causes.slice(0, 5).map((c, i) => (
                  <Text key={i} size="xs">
                    {c.message}
                  </Text>
                ))}
              </Alert>
            )}
            {preview.result.pinConflicts.length > 0 && (
              <Alert color="orange" variant="light" title="Posts already scheduled break a rule" p="xs">
                {preview.result.pinConflicts.slice(0, 5).map((v, i) => (
                  <Text key={i} size="xs">
                    {v.message}
                  </Text>
                ))}
                <Text size="xs" mt={4}>
                  The plan works around them; move one of those posts to fix it.
                </Text>
              </Alert>
            )}
            {preview.result.violations.length > 0 && (
              <Alert color="red" title="Rules that cannot all be met" p="xs">
                {preview.result.violations.slice(0, 5).map((v, i) => (
                  <Text key={i} size="xs">
                    {v.message}
                  </Text>
                ))}
              </Alert>
            )}
            <ScrollArea h={320} viewportProps={{ tabIndex: 0, 'aria-label': 'Planned slots, scrollable' }}>
              <Table stickyHeader striped fz="xs" aria-label="Planned slots">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Content</Table.Th>
                    <Table.Th>Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.slice(0, 500).map((row) => {
                    const c = row.categoryId ? category.get(row.categoryId) : undefined;
                    return (
                      <Table.Tr key={row.slotId}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.start ? formatInstant(row.start, info.timezone) : ''}</Table.Td>
                        <Table.Td>{channelName.get(row.channelId)}</Table.Td>
                        <Table.Td>
                          {c ? (
                            <Badge color={c.color} variant="light" size="sm">
                              {c.name}
                            </Badge>
                          ) : (
                            'open'
                          )}
                        </Table.Td>
                        <Table.Td>{row.itemTitle ?? (row.placeholder ? <i>placeholder</i> : '')}</Table.Td>
                        <Table.Td>{row.reason}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {preview.rows.length > 500 && (
                <Text size="xs" c="dimmed" p="xs">
                  … and {preview.rows.length - 500} more slots.
                </Text>
              )}
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void apply()} loading={busy === 'apply'} disabled={!preview || preview.rows.length === 0}>
            Apply plan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
