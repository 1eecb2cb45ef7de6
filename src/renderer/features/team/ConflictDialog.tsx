// Two (or more) versions of one record, written by teammates while apart, side by side: keep one,
// or build the merge field by field (each differing field from either version, texts editable).
// Nothing is thrown away: the server keeps the resolution and every version in the audit trail.
import { Alert, Badge, Button, Group, Loader, Modal, Radio, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConflictVersion, TeamStatus } from '../../../shared/api/team';
import { call } from '../../api/client';
import { showError } from '../../app/errors';

/** Fields people write and recognise, in the order shown; bookkeeping fields are left out. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  baseText: 'Text',
  story: 'Story',
  notes: 'Notes',
  status: 'Status',
  scheduledAt: 'Time',
  channelIds: 'Channels',
  channelTexts: 'Channel texts',
  categoryId: 'Category',
  images: 'Images',
  link: 'Link',
  name: 'Name',
  value: 'Value',
  branch: 'Branch',
};
const HIDDEN = new Set(['id', 'revision', 'createdAt', 'updatedAt', 'issues']);

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function ConflictDialog({ docId, title, onClose, onResolved }: { docId: string; title: string; onClose(): void; onResolved(status: TeamStatus): void }) {
  const [versions, setVersions] = useState<ConflictVersion[] | null>(null);
  const [choice, setChoice] = useState<Record<string, number>>({});
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    call('team.conflict', { docId })
      .then(setVersions)
      .catch((error) => {
        showError(error, 'Could not read the versions');
        close.current();
      });
  }, [docId]);

  const readable = useMemo(() => (versions ?? []).filter((v) => v.record), [versions]);
  const differing = useMemo(() => {
    if (readable.length < 2) return [];
    const keys = new Set(readable.flatMap((v) => Object.keys(v.record!)));
    return [...keys].filter((key) => !HIDDEN.has(key) && readable.some((v) => !same(v.record![key], readable[0]!.record![key]))).sort((a, b) => (FIELD_LABELS[a] ? 0 : 1) - (FIELD_LABELS[b] ? 0 : 1));
  }, [readable]);

  const resolve = async (input: { keep: string } | { merged: Record<string, unknown> }) => {
    setBusy(true);
    try {
      onResolved(await call('team.resolve', { docId, ...input }));
    } catch (error) {
      showError(error, 'Could not resolve the conflict');
    } finally {
      setBusy(false);
    }
  };

  const merged = (): Record<string, unknown> => {
    const base = { ...readable[0]!.record! };
    for (const key of differing) {
      const from = readable[choice[key] ?? 0]!.record![key];
      base[key] = key in edited ? edited[key] : from;
    }
    return base;
  };

  return (
    <Modal opened onClose={onClose} title={`Two versions of “${title}”`} size="xl">
      {!versions ? (
        <Loader role="status" aria-label="Loading the versions" />
      ) : (
        <Stack gap="md">
          <Text size="sm">
            These were saved on different machines while they were apart. Keep one, or choose each field below and save the merge. The other versions stay in the audit trail.
          </Text>
          {versions.some((v) => !v.record) && <Alert color="yellow">A version could not be read: {versions.find((v) => !v.record)?.problem}</Alert>}
          <ScrollArea.Autosize mah="55vh">
            <Table withTableBorder withColumnBorders verticalSpacing="xs" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>Field</Table.Th>
                  {readable.map((v, index) => (
                    <Table.Th key={v.rev}>
                      <Group gap={6}>
                        <Text fw={600} size="sm">
                          {v.updatedBy}
                        </Text>
                        {v.shown && (
                          <Badge size="xs" variant="light">
                            shown now
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          version {index + 1}
                        </Text>
                      </Group>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={readable.length + 1}>
                      <Text size="sm">The versions say the same thing; keep either.</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {differing.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {FIELD_LABELS[key] ?? key}
                      </Text>
                    </Table.Td>
                    {readable.map((v, index) => (
                      <Table.Td key={v.rev} style={{ verticalAlign: 'top' }}>
                        <Radio
                          name={`field-${key}`}
                          checked={(choice[key] ?? 0) === index}
                          onChange={() => {
                            setChoice((c) => ({ ...c, [key]: index }));
                            setEdited(({ [key]: _dropped, ...rest }) => rest);
                          }}
                          label={<Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{show(v.record![key])}</Text>}
                          aria-label={`${FIELD_LABELS[key] ?? key} from ${v.updatedBy}'s version`}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {differing
            .filter((key) => typeof readable[choice[key] ?? 0]!.record![key] === 'string' && ['baseText', 'story', 'notes', 'title'].includes(key))
            .map((key) => (
              <Textarea
                key={key}
                label={`${FIELD_LABELS[key]} of the merge`}
                description="Edit it to combine both versions."
                autosize
                minRows={2}
                maxRows={8}
                value={key in edited ? edited[key] : String(readable[choice[key] ?? 0]!.record![key])}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setEdited((c) => ({ ...c, [key]: value }));
                }}
              />
            ))}
          <Group justify="space-between">
            <Group gap="xs">
              {readable.map((v, index) => (
                <Button key={v.rev} variant="default" disabled={busy} onClick={() => void resolve({ keep: v.rev })}>
                  Keep {v.updatedBy}'s (version {index + 1})
                </Button>
              ))}
            </Group>
            <Button disabled={busy || readable.length < 2} loading={busy} onClick={() => void resolve({ merged: merged() })}>
              Save the merge
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
