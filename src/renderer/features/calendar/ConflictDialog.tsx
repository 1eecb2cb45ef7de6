import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { STATUS_LABELS, type Post } from '../../../shared/domain/schemas';
import { formatInstant } from '../../app/format';

/**
 * Someone else saved the post while it was open here. Both versions are shown; the user keeps
 * theirs (loads it into the editor) or saves their own over it, knowingly. Nothing is lost silently.
 */
export function ConflictDialog({
  mine,
  theirs,
  zone,
  onTakeTheirs,
  onKeepMine,
  onCancel,
}: {
  mine: Pick<Post, 'title' | 'baseText' | 'scheduledAt' | 'status'>;
  theirs: Post;
  zone: string;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
}) {
  const when = (at: string | null) => formatInstant(at, zone, 'No date');
  const rows: Array<[string, string, string]> = [
    ['Title', mine.title, theirs.title],
    ['Text', mine.baseText, theirs.baseText],
    ['Time', when(mine.scheduledAt), when(theirs.scheduledAt)],
    ['Status', STATUS_LABELS[mine.status], STATUS_LABELS[theirs.status]],
  ];
  return (
    <Modal opened onClose={onCancel} title="This post was changed elsewhere" size="xl">
      <Stack>
        <Text size="sm">
          Someone saved “{theirs.title}” (in another window, process or on another machine) after you opened it. Your changes are
          not saved yet. Compare the two versions and choose.
        </Text>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <span className="sb-visually-hidden">Field</span>
              </Table.Th>
              <Table.Th>Your version</Table.Th>
              <Table.Th>Their version (saved)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([label, a, b]) => (
              <Table.Tr key={label} data-differs={a !== b || undefined}>
                <Table.Th>{label}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap', fontWeight: a !== b ? 600 : undefined }}>{a || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', fontWeight: a !== b ? 600 : undefined }}>{b || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep editing
          </Button>
          <Button variant="light" onClick={onTakeTheirs}>
            Load their version
          </Button>
          <Button color="orange" onClick={onKeepMine}>
            Save mine over theirs
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
