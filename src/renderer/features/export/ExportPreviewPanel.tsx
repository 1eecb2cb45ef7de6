// What an export will write (first rows of each file, read back from the file text) and what it
// leaves out, with the reason: the review step before anything goes to a scheduler.
import { Accordion, Badge, Code, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconPhoto, IconBan } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ExportFilePreview, ExportPreview } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/domain/schemas';
import { StatCard } from '../../components/StatCard';
import { ruleGroup } from './labels';
import { plural } from '../../../shared/words';
import { formatInstant } from '../../app/format';

function FileSample({ file }: { file: ExportFilePreview }) {
  const hidden = Math.max(0, file.rows - file.sample.length);
  return (
    <Stack gap="xs">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Code style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={file.path}>
          {file.name}
        </Code>
        <Group gap={6} wrap="nowrap">
          {file.conflict && (
            <Tooltip label="A file with other content is already there; you will be asked before it is replaced.">
              <Badge color="orange" variant="light">
                Replaces a file
              </Badge>
            </Tooltip>
          )}
          <Badge variant="light" color="gray">
            {plural(file.rows, 'row')}
          </Badge>
        </Group>
      </Group>
      <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': `Rows of ${file.name}` }}>
        <Table striped withTableBorder verticalSpacing={6} horizontalSpacing="sm" fz="xs" miw={640} aria-label={`First rows of ${file.name}`}>
          <Table.Thead>
            <Table.Tr>
              {file.columns.map((column, i) => (
                <Table.Th key={`${i}-${column}`} style={{ whiteSpace: 'nowrap' }}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.sample.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c} maw={340} style={{ verticalAlign: 'top' }}>
                    <Text fz="xs" lineClamp={3} title={cell} c={cell === '' ? 'dimmed' : undefined} style={{ whiteSpace: cell.length <= 24 ? 'nowrap' : 'pre-line', wordBreak: 'break-word' }}>
                      {cell === '' ? '—' : cell}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {hidden > 0 && (
        <Text size="xs" c="dimmed">
          and {plural(hidden, 'more row')} in the file
        </Text>
      )}
    </Stack>
  );
}

export function ExportPreviewPanel({ preview, zone, channels }: { preview: ExportPreview; zone: string; channels: Channel[] }) {
  const channelName = useMemo(() => new Map(channels.map((c) => [c.id, c.name])), [channels]);
  const groups = useMemo(() => {
    const counts = new Map<string, { label: string; color: string; count: number }>();
    for (const l of preview.leftOut) {
      const group = ruleGroup(l.rule);
      const entry = counts.get(group.label) ?? { ...group, count: 0 };
      entry.count += 1;
      counts.set(group.label, entry);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count);
  }, [preview.leftOut]);
  const firstFile = preview.files[0]?.name ?? null;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <StatCard label="Ready" value={preview.exported.posts} detail={plural(preview.exported.items, 'post-channel row')} icon={<IconCircleCheck size={20} />} color="teal" />
        <StatCard label="Files" value={preview.files.length} detail={preview.media.copy.length ? `+ ${plural(preview.media.copy.length, 'image')}` : 'to write'} icon={<IconFileSpreadsheet size={20} />} color="blue" />
        <StatCard label="Left out" value={preview.leftOut.length} detail="with the reason" icon={<IconBan size={20} />} color={preview.leftOut.length ? 'orange' : 'gray'} />
        <StatCard label="Warnings" value={preview.warnings.length} detail="exported, see notes" icon={<IconAlertTriangle size={20} />} color={preview.warnings.length ? 'yellow' : 'gray'} />
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" role="region" aria-label="Files preview">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            Files
          </Title>
          <Text size="xs" c="dimmed" title={preview.outputDir}>
            into {preview.outputDir}
          </Text>
        </Group>
        {preview.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            No post in this range is ready for this format yet. The list below says why.
          </Text>
        ) : preview.files.length === 1 ? (
          <FileSample file={preview.files[0]} />
        ) : (
          <Tabs defaultValue={firstFile} key={preview.files.map((f) => f.name).join('|')} variant="pills" radius="md">
            <Tabs.List mb="sm">
              {preview.files.map((file) => (
                <Tabs.Tab key={file.name} value={file.name} rightSection={<Badge size="xs" variant="white" color="gray">{file.rows}</Badge>}>
                  {file.channelId ? (channelName.get(file.channelId) ?? file.name) : file.name}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {preview.files.map((file) => (
              <Tabs.Panel key={file.name} value={file.name}>
                <FileSample file={file} />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
        {(preview.media.copy.length > 0 || preview.media.missing.length > 0) && (
          <Group gap="xs" mt="sm" align="flex-start" wrap="nowrap">
            <IconPhoto size={16} style={{ marginTop: 2, flexShrink: 0 }} />
            <Text size="xs" c="dimmed">
              {preview.media.copy.length > 0 && <>Copies {preview.media.copy.join(', ')} into the folder’s media/ subfolder. </>}
              {preview.media.missing.length > 0 && (
                <Text span size="xs" c="orange.8">
                  Missing: {preview.media.missing.map((m) => m.src).join(', ')}.
                </Text>
              )}
            </Text>
          </Group>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md" role="region" aria-label="Left out">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            Left out ({preview.leftOut.length})
          </Title>
          <Group gap={6}>
            {groups.map((g) => (
              <Badge key={g.label} color={g.color} variant="light">
                {g.label} · {g.count}
              </Badge>
            ))}
          </Group>
        </Group>
        {preview.leftOut.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every post in the range goes out.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={340} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': 'Posts left out, scrollable' }}>
            <Table verticalSpacing={8} fz="sm" highlightOnHover aria-label="Posts left out">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>When</Table.Th>
                  <Table.Th>Post</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.leftOut.map((l, i) => {
                  const group = ruleGroup(l.rule);
                  return (
                    <Table.Tr key={`${l.postId}-${l.channelId}-${l.rule}-${i}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                        <Text size="sm">{formatInstant(l.scheduledAt, zone)}</Text>
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Text size="sm" fw={500}>
                          {l.postTitle}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1} title={l.channelName}>
                          {l.channelName}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Group gap={8} wrap="nowrap" align="flex-start">
                          <Badge color={group.color} variant="light" size="sm" style={{ flexShrink: 0 }}>
                            {group.label}
                          </Badge>
                          <Text size="sm">{l.reason}</Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Paper>

      {preview.warnings.length > 0 && (
        <Accordion variant="separated" radius="md">
          <Accordion.Item value="warnings">
            <Accordion.Control icon={<IconAlertTriangle size={18} color="var(--mantine-color-yellow-7)" />}>
              <Text size="sm" fw={600}>
                {plural(preview.warnings.length, 'warning')}: exported, but not exactly as stored
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <ScrollArea.Autosize mah={260} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': 'Warnings, scrollable' }}>
                <Table fz="xs" verticalSpacing={6} aria-label="Warnings">
                  <Table.Tbody>
                    {preview.warnings.map((w, i) => (
                      <Table.Tr key={`${w.postId}-${w.channelId}-${w.rule}-${i}`}>
                        <Table.Td w="30%" style={{ verticalAlign: 'top' }}>
                          <Text fz="xs" fw={500}>
                            {w.postTitle}
                          </Text>
                          <Text fz="xs" c="dimmed">
                            {w.channelName}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>{w.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}
