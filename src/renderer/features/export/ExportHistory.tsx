// "Changed since export" (posts edited after they went out) and the record of every export.
import { Badge, Code, EmptyState, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChecks, IconHistory } from '@tabler/icons-react';
import type { ExportBatchSummary, ExportChange } from '../../../shared/api/contract';
import { STATUS_LABELS } from '../../../shared/domain/schemas';
import { FORMAT_INFO } from './labels';
import { plural, spokenList } from '../../../shared/words';
import { formatInstant } from '../../app/format';

const CHANGE_LABELS: Record<ExportChange['change'], { label: string; color: string }> = {
  edited: { label: 'Edited', color: 'orange' },
  deleted: { label: 'Deleted', color: 'red' },
  unscheduled: { label: 'Unscheduled', color: 'gray' },
  channel_removed: { label: 'Channel removed', color: 'gray' },
};

export function ChangedSinceExport({ changes, zone }: { changes: ExportChange[] | null; zone: string }) {
  if (changes && changes.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <EmptyState icon={<IconChecks size={28} />} title="Nothing changed since it was exported" description="Posts edited after an export show up here, so the scheduler can be updated." />
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        These posts differ from what their last export sent out: each row says what changed and which export it was. Export them again, or fix them in the scheduler.
      </Text>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Changed since export">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Post</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last exported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(changes ?? []).map((c) => (
              <Table.Tr key={`${c.postId}-${c.channelId}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.channelName}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={CHANGE_LABELS[c.change].color} variant="light">
                    {CHANGE_LABELS[c.change].label}
                  </Badge>
                  {c.parts && c.parts.length > 0 && (
                    <Text size="xs" c="gray.8" mt={2}>
                      {spokenList(c.parts)}
                      {c.parts.includes('time') && c.exportedTime ? ` (went out for ${formatInstant(c.exportedTime, zone)})` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.status ? STATUS_LABELS[c.status] : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatInstant(c.exportedAt, zone)} · {FORMAT_INFO[c.format].label}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

export function ExportBatches({ batches, zone }: { batches: ExportBatchSummary[] | null; zone: string }) {
  if (batches && batches.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <EmptyState icon={<IconHistory size={28} />} title="No exports yet" description="Every export is recorded here: format, files, and the posts it carried." />
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Export history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>Range</Table.Th>
            <Table.Th>Content</Table.Th>
            <Table.Th>Folder</Table.Th>
            <Table.Th>Files</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(batches ?? []).map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatInstant(b.createdAt, zone)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{FORMAT_INFO[b.format].label}</Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {String(b.options.from ?? '')} → {String(b.options.to ?? '')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {plural(b.posts, 'post')}, {plural(b.items, 'row')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                  {String(b.options.outputDir ?? '')}
                </Code>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {b.files.map((f) => (
                    <Code key={f.path} fz="xs" title={f.path}>
                      {f.name}
                    </Code>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
