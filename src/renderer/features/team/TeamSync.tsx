// The header's sync state of a team workspace (in sync, N changes waiting, offline since, conflicts,
// refused changes) and its panel: the details, Sync now, and each flagged record with what can be
// done about it (compare the versions; put a refused change back to the team's version).
import { Alert, Badge, Button, Drawer, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconCloudUpload, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlaggedDoc, TeamStatus } from '../../../shared/api/team';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { announceTeamChanges, useTeamChanges } from '../../app/teamChanges';
import { useWorkspace } from '../../app/workspace';
import { ConflictDialog } from './ConflictDialog';

const TEAM_POLL_MS = 2_000;
const SOLO_POLL_MS = 30_000;

type Team = Extract<TeamStatus, { mode: 'team' }>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the badge says, most urgent first. */
export function syncSummary(status: Team, zone: string): { label: string; color: string; icon: typeof IconCloudCheck } {
  if (status.conflicts) return { label: plural(status.conflicts, 'conflict'), color: 'red', icon: IconAlertTriangle };
  if (status.denied) return { label: `${plural(status.denied, 'change')} refused`, color: 'red', icon: IconAlertTriangle };
  if (status.connection === 'offline') {
    const since = status.offlineSince ? ` since ${formatInstant(status.offlineSince, zone)}` : '';
    return { label: `Offline${since}${status.pending ? ` · ${status.pending} waiting` : ''}`, color: 'gray', icon: IconCloudOff };
  }
  if (status.pending) return { label: `${plural(status.pending, 'change')} waiting`, color: 'yellow', icon: IconCloudUpload };
  return { label: 'In sync', color: 'teal', icon: IconCloudCheck };
}

/** Polls the sync status; when teammates' changes have arrived, every open screen reloads. */
function useTeamStatus(): [TeamStatus | null, (next: TeamStatus) => void, () => Promise<void>] {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const received = useRef<number | null>(null);
  const { reload: reloadWorkspace } = useWorkspace();
  const take = useCallback(
    (next: TeamStatus) => {
      setStatus(next);
      if (next.mode !== 'team') return;
      if (received.current !== null && next.received > received.current) {
        void reloadWorkspace();
        announceTeamChanges();
      }
      received.current = next.received;
    },
    [reloadWorkspace],
  );
  const refresh = useCallback(async () => {
    try {
      take(await call('team.status', {}));
    } catch {
      // the next poll tries again; the badge keeps the last state it knew
    }
  }, [take]);
  // joining from Settings, resolving or reverting: show the new state at once
  useTeamChanges(refresh);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), status?.mode === 'team' ? TEAM_POLL_MS : SOLO_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, status?.mode]);
  return [status, take, refresh];
}

export function TeamSyncBadge() {
  const { info } = useWorkspace();
  const [status, take, refresh] = useTeamStatus();
  const [open, setOpen] = useState(false);
  if (status?.mode !== 'team') return null;
  const { label, color, icon: Icon } = syncSummary(status, info.timezone);
  return (
    <>
      <Tooltip label={`Team workspace ${status.database} on ${status.server}: open the sync details`}>
        <UnstyledButton onClick={() => setOpen(true)} aria-label={`Team sync: ${label}. Open the sync details`} data-testid="team-sync">
          <Badge variant="light" color={color} tt="none" size="lg" leftSection={<Icon size={14} aria-hidden />}>
            {label}
          </Badge>
        </UnstyledButton>
      </Tooltip>
      <Drawer opened={open} onClose={() => setOpen(false)} position="right" title="Team sync" size="md">
        <TeamPanel status={status} onStatus={take} refresh={refresh} />
      </Drawer>
    </>
  );
}

const STATE_TEXT: Record<FlaggedDoc['state'], string> = {
  conflict: 'Two versions',
  denied: 'Refused by the server',
  invalid: 'Could not be read',
};

/** A flagged record's name: the post's or idea's title, else what kind of record it is. */
function useRecordTitle(docId: string): string {
  const [title, setTitle] = useState(docId.split(':')[0] ?? docId);
  useEffect(() => {
    const [type, id] = [docId.slice(0, docId.indexOf(':')), docId.slice(docId.indexOf(':') + 1)];
    const load = type === 'post' ? call('posts.get', { id }).then((p) => p.title) : type === 'idea' ? call('ideas.get', { id }).then((d) => d.idea.title) : Promise.resolve(`${type} ${id}`);
    load.then(setTitle).catch(() => setTitle(`${type} (removed here)`));
  }, [docId]);
  return title;
}

function FlaggedRow({ flagged, onStatus }: { flagged: FlaggedDoc; onStatus(status: TeamStatus): void }) {
  const { info } = useWorkspace();
  const title = useRecordTitle(flagged.docId);
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState(false);
  const revert = async () => {
    setBusy(true);
    try {
      onStatus(await call('team.revert', { docId: flagged.docId }));
      announceTeamChanges();
    } catch (error) {
      showError(error, 'Could not revert the change');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color={flagged.state === 'conflict' ? 'orange' : 'red'} title={`${STATE_TEXT[flagged.state]}: ${title}`}>
      <Stack gap={6}>
        <Text size="sm">
          {flagged.state === 'denied' ? `The team's server did not accept your change: ${flagged.message} Your version stays on this machine only, until you put back the team's.` : flagged.message}
        </Text>
        <Text size="xs">{formatInstant(flagged.at, info.timezone)}</Text>
        <Group gap="xs">
          {flagged.state === 'conflict' && (
            <Button size="xs" onClick={() => setComparing(true)}>
              Compare the versions
            </Button>
          )}
          {flagged.state === 'denied' && (
            <Button size="xs" variant="default" loading={busy} onClick={() => void revert()}>
              Put back the team's version
            </Button>
          )}
        </Group>
      </Stack>
      {comparing && (
        <ConflictDialog
          docId={flagged.docId}
          title={title}
          onClose={() => setComparing(false)}
          onResolved={(status) => {
            setComparing(false);
            onStatus(status);
            announceTeamChanges();
          }}
        />
      )}
    </Alert>
  );
}

function TeamPanel({ status, onStatus, refresh }: { status: Team; onStatus(status: TeamStatus): void; refresh(): Promise<void> }) {
  const { info } = useWorkspace();
  const [syncing, setSyncing] = useState(false);
  const syncNow = async () => {
    setSyncing(true);
    try {
      onStatus(await call('team.sync', {}));
    } catch (error) {
      showError(error, 'Could not sync now');
      await refresh();
    } finally {
      setSyncing(false);
    }
  };
  const { label, color } = syncSummary(status, info.timezone);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Badge variant="light" color={color} tt="none" size="lg">
          {label}
        </Badge>
        <Button leftSection={<IconRefresh size={16} />} variant="default" loading={syncing} onClick={() => void syncNow()}>
          Sync now
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          <b>{status.database}</b> on {status.server}, signed in as <b>{status.user}</b>
        </Text>
        <Text size="sm">
          {status.connection === 'online' ? 'Connected.' : status.connection === 'offline' ? `Offline${status.lastError ? ` (${status.lastError})` : ''}: your changes are kept here and go out when the server is back.` : 'Connecting…'}
        </Text>
        <Text size="sm">Last sync: {status.lastSyncAt ? formatInstant(status.lastSyncAt, info.timezone) : 'not yet'}.</Text>
        <Text size="sm">{status.pending ? `${plural(status.pending, 'change')} made here ${status.pending === 1 ? 'waits' : 'wait'} to go out.` : 'Nothing made here waits to go out.'}</Text>
      </Stack>
      {status.flagged.length === 0 ? (
        <Text size="sm" c="dimmed">
          No conflicts and no refused changes.
        </Text>
      ) : (
        status.flagged.map((f) => <FlaggedRow key={f.docId} flagged={f} onStatus={onStatus} />)
      )}
    </Stack>
  );
}
