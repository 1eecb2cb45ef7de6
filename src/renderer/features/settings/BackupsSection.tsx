// Backups: the automatic ones (on start, then daily; how many are kept), "Back up now", and
// restoring one after a confirmation that says what happens to the current workspace.
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { formatBackupSize, type BackupInfo, type BackupPolicy } from '../../../shared/api/backups';
import type { OperationOutput } from '../../../shared/api/contract';
import { formatInstant } from '../../app/format';
import { call } from '../../api/client';
import { useJob } from '../../app/jobs';
import { useWorkspace } from '../../app/workspace';
import { MUTED, showError, showSaved } from './feedback';

const KIND_LABELS: Record<BackupInfo['kind'], string> = { auto: 'Automatic', manual: 'Made by hand', 'before-restore': 'Before a restore' };
const size = formatBackupSize;

export function BackupsSection() {
  const { info } = useWorkspace();
  const job = useJob();
  const [state, setState] = useState<OperationOutput<'backups.list'> | null>(null);
  const [policy, setPolicy] = useState<BackupPolicy | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const next = await call('backups.list', {});
      setState(next);
      setPolicy(next.policy);
    } catch (error) {
      showError(error, 'Could not list the backups');
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const made = await job.run('backups.create', {});
      showSaved('Backed up', `${made.name} (${size(made.bytes)})`);
      await reload();
    } catch (error) {
      showError(error, 'Could not back up');
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    try {
      const result = await job.run('backups.restore', { name: backup.name });
      showSaved('Workspace restored', `The workspace as it was is kept as ${result.safetyCopy.name}. Reloading…`);
      // everything on screen came from the old workspace
      setTimeout(() => window.location.reload(), 800);
    } catch (error) {
      showError(error, 'Could not restore');
      setBusy(false);
    } finally {
      setRestoring(null);
    }
  };

  const savePolicy = async () => {
    if (!policy) return;
    try {
      setPolicy(await call('backups.setPolicy', policy));
      showSaved('Backup rotation saved');
      await reload();
    } catch (error) {
      showError(error, 'Could not save the rotation');
    }
  };

  const policyChanged = state && policy && (policy.keepDaily !== state.policy.keepDaily || policy.keepWeekly !== state.policy.keepWeekly);
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          Backups
        </Title>
        <Text c={MUTED} size="sm">
          Storybank backs up this workspace when it starts and once a day while it is open, into{' '}
          <Text span ff="monospace" size="sm">
            {state?.folder ?? '…'}
          </Text>
          . A backup is a consistent copy even while you work; copy one to another disk or a network folder to keep it safe.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <NumberInput
              label="Daily backups kept"
              min={0}
              max={366}
              w={170}
              value={policy?.keepDaily ?? 7}
              onChange={(v) => policy && setPolicy({ ...policy, keepDaily: Number(v) || 0 })}
            />
            <NumberInput
              label="Weekly backups kept"
              min={0}
              max={520}
              w={170}
              value={policy?.keepWeekly ?? 4}
              onChange={(v) => policy && setPolicy({ ...policy, keepWeekly: Number(v) || 0 })}
            />
            <Button variant="default" disabled={!policyChanged} onClick={() => void savePolicy()}>
              Save rotation
            </Button>
          </Group>
          <Button leftSection={<IconDatabaseExport size={16} />} loading={busy && !restoring} onClick={() => void backUpNow()}>
            Back up now
          </Button>
        </Group>
      </Paper>
      {state && state.backups.length === 0 && <Alert color="blue">No backups yet: the first is made a few seconds after Storybank starts.</Alert>}
      {state && state.backups.length > 0 && (
        <Table withTableBorder striped aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>
                <span className="sb-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.backups.map((backup) => (
              <Table.Tr key={backup.name}>
                <Table.Td>{formatInstant(backup.createdAt, info.timezone)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={backup.kind === 'auto' ? 'gray' : backup.kind === 'manual' ? 'blue' : 'orange'}>
                    {KIND_LABELS[backup.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>{size(backup.bytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => setRestoring(backup)} aria-label={`Restore the backup of ${backup.createdAt}`}>
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Restore this backup?">
        {restoring && (
          <Stack>
            <Text size="sm">
              The whole workspace goes back to how it was on {formatInstant(restoring.createdAt, info.timezone)}: posts,
              channels, categories, ideas and settings. Anything changed since is replaced. The workspace as it is now is backed up first, so this
              can be undone by restoring that copy.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)} data-autofocus>
                Keep the workspace as it is
              </Button>
              <Button color="orange" loading={busy} onClick={() => void restore(restoring)}>
                Restore
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
