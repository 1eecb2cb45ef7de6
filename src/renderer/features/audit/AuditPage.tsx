// The audit trail for managers and examiners: every change and decision, filtered by person,
// post, kind and dates; the chain verified on request; the whole trail exported as CSV or JSON.
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditVerify } from '../../../shared/api/audit';
import { AUDIT_KIND_LABELS, type AuditEntry } from '../../../shared/domain/people';
import type { Post } from '../../../shared/domain/schemas';
import { addDaysLocal, zonedDayStartUtc } from '../../../shared/time';
import { call } from '../../api/client';
import { downloadFile } from '../../app/download';
import { showError } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { isSuperseded, useLatest } from '../../app/latest';
import { usePageParams } from '../../app/route';
import { useSession } from '../../app/session';
import { useWorkspace } from '../../app/workspace';

const PAGE_SIZE = 300;

/** What an entry changed or decided, in a few words. */
function details(entry: AuditEntry): string {
  const body = entry.body as Record<string, unknown>;
  if (entry.kind === 'post.comment') return `“${String(body.text)}”`;
  if (entry.kind === 'post.request_changes') return `“${String(body.comment)}”`;
  if (entry.kind === 'compliance.override') return `${String(body.ruleId)}: “${String(body.reason)}”`;
  if (entry.kind === 'signoff.create') return `${String(body.label)}: ${(body.posts as unknown[]).length} posts`;
  if (entry.kind.startsWith('policy.')) return `version ${String(body.version)}`;
  if (Array.isArray(body.changed) && body.changed.length) return `${body.changed.join(', ')}${body.returnedToReview ? ' · back to review' : ''}`;
  if (body.from && body.to && typeof body.from === 'string' && !entry.kind.startsWith('signoff')) return `${body.from} → ${body.to}`;
  if (body.roles && typeof body.roles === 'object' && !Array.isArray(body.roles)) return `roles ${JSON.stringify((body.roles as { after: unknown }).after)}`;
  return '';
}

export function AuditPage() {
  const { info } = useWorkspace();
  const zone = info.timezone;
  const { people } = useSession();
  const [params, setParams] = usePageParams('audit');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [posts, setPosts] = useState<Post[]>([]);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [retention, setRetention] = useState<number | null>(null);
  const latest = useLatest();

  const load = useCallback(async () => {
    try {
      const list = await latest(() =>
        call('audit.list', {
          limit: PAGE_SIZE,
          ...(params.person ? { actorId: params.person } : {}),
          ...(params.post ? { postId: params.post } : {}),
          ...(params.kind ? { kinds: [params.kind] } : {}),
          ...(params.from ? { from: zonedDayStartUtc(params.from, zone) } : {}),
          ...(params.to ? { to: zonedDayStartUtc(addDaysLocal(params.to, 1), zone) } : {}),
        }),
      );
      setEntries(list);
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the audit trail');
    }
  }, [latest, params.person, params.post, params.kind, params.from, params.to, zone]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    call('posts.list', {}).then(setPosts, () => setPosts([]));
    call('audit.settings', {}).then((s) => setRetention(s.retentionYears), () => setRetention(null));
  }, []);

  const postOptions = useMemo(() => posts.map((p) => ({ value: p.id, label: `${p.title} (${formatInstant(p.scheduledAt, zone)})` })), [posts, zone]);
  const exportTrail = async (format: 'csv' | 'json') => {
    try {
      const file = await call('audit.export', { format });
      downloadFile(file.name, file.content, format === 'csv' ? 'text/csv' : 'application/json');
    } catch (error) {
      showError(error, 'Could not export the audit trail');
    }
  };

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Audit trail
          </Title>
          <Text c="dimmed" size="sm">
            Every change and decision, who made it and when. Entries cannot be edited; each is chained to the one before by its hash.
            {retention ? ` Kept for at least ${retention} years.` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            onClick={async () => {
              try {
                setVerify(await call('audit.verify', {}));
              } catch (error) {
                showError(error, 'Could not verify the audit trail');
              }
            }}
          >
            Verify the chain
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportTrail('csv')}>
            Export CSV
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportTrail('json')}>
            Export JSON
          </Button>
        </Group>
      </Group>
      {verify?.ok && (
        <Alert color="teal" variant="light" icon={<IconShieldCheck size={16} />} role="status" title="The audit trail is intact">
          All {verify.entries} entries match their hashes and follow each other.
        </Alert>
      )}
      {verify && !verify.ok && (
        <Alert color="red" variant="light" icon={<IconShieldX size={16} />} role="alert" title="The audit trail has been tampered with">
          Broken at entry {verify.broken.seq}: {verify.broken.reason}.
        </Alert>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select label="Person" placeholder="Everyone" w={200} clearable data={people.map((p) => ({ value: p.id, label: p.name }))} value={params.person ?? null} onChange={(v) => setParams({ person: v ?? '' })} />
        <Select label="Post" placeholder="All posts" w={300} clearable searchable limit={50} data={postOptions} value={params.post ?? null} onChange={(v) => setParams({ post: v ?? '' })} nothingFoundMessage="No post by that title" />
        <Select
          label="What"
          placeholder="Everything"
          w={240}
          clearable
          data={Object.entries(AUDIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={params.kind ?? null}
          onChange={(v) => setParams({ kind: v ?? '' })}
        />
        <TextInput label="From" type="date" w={160} value={params.from ?? ''} onChange={(e) => setParams({ from: e.currentTarget.value }, 'replace')} />
        <TextInput label="To" type="date" w={160} value={params.to ?? ''} onChange={(e) => setParams({ to: e.currentTarget.value }, 'replace')} />
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {entries.length === PAGE_SIZE ? `The latest ${PAGE_SIZE} entries that match; narrow the filters or export the trail for all of them.` : `${entries.length} entries`}
      </Text>
      <Table striped aria-label="Audit entries" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th>Hash</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, zone)}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} c={e.kind.startsWith('compliance') ? 'orange.9' : e.kind === 'post.approve' || e.kind === 'signoff.create' ? 'teal.9' : undefined}>
                  {AUDIT_KIND_LABELS[e.kind] ?? e.kind}
                </Text>
              </Table.Td>
              <Table.Td>{String((e.body as { title?: unknown; name?: unknown }).title ?? (e.body as { name?: unknown }).name ?? '')}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2}>
                  {details(e)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" title={e.hash}>
                  {e.hash.slice(0, 10)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
