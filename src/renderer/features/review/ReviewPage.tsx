// The approvers' page: posts waiting for review, the month's sign-off (fresh, or stale with what
// changed since) and the review packet PDF for managers and examiners.
import { Alert, Badge, Button, Card, Group, List, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypePdf, IconSignature } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Signoff } from '../../../shared/api/reviews';
import { STATUS_LABELS, type Post } from '../../../shared/domain/schemas';
import { YEAR_MONTH, addDaysLocal, monthDays, zonedDayStartUtc } from '../../../shared/time';
import { call } from '../../api/client';
import { base64Bytes, downloadFile } from '../../app/download';
import { showError } from '../../app/errors';
import { formatInstant, todayIn } from '../../app/format';
import { isSuperseded, useLatest } from '../../app/latest';
import { useTeamChanges } from '../../app/teamChanges';
import { usePageParams } from '../../app/route';
import { useSession } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { PostEditor } from '../calendar/PostEditor';
import { STATUS_COLORS } from './ReviewPanel';

const monthLabel = (month: string): string =>
  new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));
/** This month and the next eleven, and the previous three. */
const monthChoices = (today: string): string[] => {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: 15 }, (_, i) => {
    const index = y * 12 + (m - 1) + i - 3;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

export function ReviewPage() {
  const { info } = useWorkspace();
  const zone = info.timezone;
  const { can } = useSession();
  const [params, setParams] = usePageParams('review');
  const today = todayIn(zone);
  const month = YEAR_MONTH.test(params.month ?? '') ? params.month! : today.slice(0, 7);
  const { from, to } = monthDays(month);
  const label = monthLabel(month);
  const [queue, setQueue] = useState<Post[]>([]);
  const [monthPosts, setMonthPosts] = useState<Post[]>([]);
  const [signoffs, setSignoffs] = useState<Signoff[]>([]);
  const [editing, setEditing] = useState<Post | null>(null);
  const [busy, setBusy] = useState<'signoff' | 'packet' | null>(null);
  const latest = useLatest();

  const load = useCallback(async () => {
    try {
      const [waiting, inMonth, signed] = await latest(() =>
        Promise.all([
          call('posts.list', { statuses: ['in_review', 'changes_requested'] }),
          call('posts.list', { from: zonedDayStartUtc(from, zone), to: zonedDayStartUtc(addDaysLocal(to, 1), zone) }),
          call('signoffs.list', { from, to }),
        ]),
      );
      setQueue(waiting.sort((a, b) => (a.scheduledAt ?? '9').localeCompare(b.scheduledAt ?? '9')));
      setMonthPosts(inMonth.filter((p) => p.scheduledAt && p.status !== 'archived'));
      setSignoffs(signed.filter((s) => s.from === from && s.to === to));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the review');
    }
  }, [latest, from, to, zone]);
  useEffect(() => {
    void load();
  }, [load]);
  useTeamChanges(load);

  const pending = useMemo(() => monthPosts.filter((p) => !['approved', 'exported', 'published'].includes(p.status)), [monthPosts]);
  const latestSignoff = signoffs[0] ?? null;

  const signOff = async () => {
    setBusy('signoff');
    try {
      await call('signoffs.create', { from, to, label });
      await load();
    } catch (error) {
      showError(error, `Could not sign off ${label}`);
    } finally {
      setBusy(null);
    }
  };
  const packet = async () => {
    setBusy('packet');
    try {
      const made = await call('packet.create', { month });
      downloadFile(made.name, base64Bytes(made.pdfBase64), 'application/pdf');
    } catch (error) {
      showError(error, 'Could not make the review packet');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Review
          </Title>
          <Text c="dimmed" size="sm">
            Approve posts, sign off the month, and hand managers and examiners the review packet.
          </Text>
        </div>
        <Select
          label="Month"
          w={200}
          data={[...new Set([...monthChoices(today), month])].sort().map((m) => ({ value: m, label: monthLabel(m) }))}
          value={month}
          onChange={(v) => v && setParams({ month: v })}
          allowDeselect={false}
        />
      </Group>

      <Card withBorder padding="md" aria-label={`Sign-off for ${label}`}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
            <Title order={2} size="h4">
              {label}
            </Title>
            {!latestSignoff && <Text size="sm">Not signed off yet. {pending.length > 0 ? `${pending.length} of ${monthPosts.length} posts still need approval.` : `All ${monthPosts.length} posts are approved.`}</Text>}
            {latestSignoff && !latestSignoff.stale && (
              <Group gap={6}>
                <IconCircleCheck size={18} color="var(--mantine-color-teal-9)" />
                <Text size="sm">
                  Signed off by <b>{latestSignoff.by}</b> on {formatInstant(latestSignoff.at, zone)}: {latestSignoff.posts.length} posts, unchanged since.
                </Text>
              </Group>
            )}
            {latestSignoff?.stale && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title="The sign-off is stale" p="xs">
                <Text size="sm">
                  Signed off by {latestSignoff.by} on {formatInstant(latestSignoff.at, zone)}; changed since:
                </Text>
                <List size="sm" spacing={2} mt={4}>
                  {latestSignoff.changes.map((c) => (
                    <List.Item key={`${c.postId}-${c.change}`}>
                      {c.title}: {c.change}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
          <Group gap="xs">
            {can('approver') && (
              <Button leftSection={<IconSignature size={16} />} loading={busy === 'signoff'} disabled={monthPosts.length === 0 || pending.length > 0 || (latestSignoff !== null && !latestSignoff.stale)} onClick={() => void signOff()}>
                {latestSignoff?.stale ? `Sign off ${label} again` : `Sign off ${label}`}
              </Button>
            )}
            <Button variant="light" leftSection={<IconFileTypePdf size={16} />} loading={busy === 'packet'} onClick={() => void packet()}>
              Review packet (PDF)
            </Button>
          </Group>
        </Group>
        {pending.length > 0 && can('approver') && (
          <Text size="xs" c="dimmed" mt="xs">
            Sign-off waits until every post of the month is approved.
          </Text>
        )}
      </Card>

      <div>
        <Title order={2} size="h4" mb="xs">
          Waiting for review ({queue.length})
        </Title>
        {queue.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing is waiting: posts appear here when a planner submits them.
          </Text>
        ) : (
          <Table striped highlightOnHover aria-label="Posts waiting for review">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Post</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Checks</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Open</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.map((post) => {
                const errors = post.issues.filter((i) => i.severity === 'error').length;
                return (
                  <Table.Tr key={post.id}>
                    <Table.Td>{formatInstant(post.scheduledAt, zone)}</Table.Td>
                    <Table.Td>{post.title}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[post.status]} variant="light" tt="none">
                        {STATUS_LABELS[post.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{errors > 0 ? <Text size="sm" c="red.9">{errors} to fix</Text> : <Text size="sm">OK</Text>}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(post)} aria-label={`Open “${post.title}”`}>
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </div>
      {editing && <PostEditor target={{ post: editing }} onClose={() => setEditing(null)} onChanged={() => void load()} />}
    </Stack>
  );
}
