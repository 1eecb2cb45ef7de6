// Settings › Team: share the workspace through the bank's CouchDB server. A solo workspace joins the
// team's (from a new workspace) or, on the admin's machine, becomes the team's first copy. The
// password goes to the OS keychain, never into the workspace file.
import { Alert, Button, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TeamStatus } from '../../../shared/api/team';
import { call } from '../../api/client';
import { formatInstant } from '../../app/format';
import { announceTeamChanges } from '../../app/teamChanges';
import { useWorkspace } from '../../app/workspace';
import { MUTED, showError, showSaved } from './feedback';

export function TeamSection() {
  const { info, reload } = useWorkspace();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [server, setServer] = useState('');
  const [workspace, setWorkspace] = useState(info.name);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [mode, setMode] = useState<'join' | 'share'>('join');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('team.status', {}).then(setStatus, (error) => showError(error, 'Could not read the team status'));
  }, []);

  const join = async () => {
    setBusy(true);
    try {
      const next = await call('team.join', { server, workspace, user, password, mode });
      setStatus(next);
      setPassword('');
      await reload();
      announceTeamChanges();
      showSaved(mode === 'share' ? 'The workspace is shared' : 'Joined the team workspace', 'It stays in sync while Storybank is open.');
    } catch (error) {
      showError(error, mode === 'share' ? 'Could not share the workspace' : 'Could not join the team workspace');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <div>
        <Title order={2} size="h3">
          Team
        </Title>
        <Text c={MUTED} size="sm">
          Share this workspace with your team through your bank's CouchDB server: everyone works on their own machine, also offline, and changes meet on the server.
        </Text>
      </div>
      {status?.mode === 'team' ? (
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text fw={600}>
              {status.database} on {status.server}
            </Text>
            <Text size="sm">Signed in as {status.user}. Your password is kept by this computer's keychain, not in the workspace file.</Text>
            <Text size="sm">
              {status.connection === 'offline' ? 'Offline now: your changes wait here.' : 'Connected.'} Last sync: {status.lastSyncAt ? formatInstant(status.lastSyncAt, info.timezone) : 'not yet'}.
            </Text>
            <Text size="sm" c={MUTED}>
              The sync state is in the header; open it for conflicts and refused changes.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            void join();
          }}
        >
          <Stack gap="sm">
            <Radio.Group label="How" value={mode} onChange={(v) => setMode(v as 'join' | 'share')}>
              <Stack gap={6} mt={6}>
                <Radio value="join" label="Join the team's workspace (start from a new, empty workspace)" />
                <Radio value="share" label="Share this workspace: it becomes the team's first copy (once, signed in as the server's CouchDB admin)" />
              </Stack>
            </Radio.Group>
            <TextInput label="Server address" description="From your IT team, e.g. https://couch.yourbank.local:6984" required value={server} onChange={(e) => setServer(e.currentTarget.value)} />
            <TextInput label="Team workspace name" description="As your admin created it on the server" required value={workspace} onChange={(e) => setWorkspace(e.currentTarget.value)} />
            <TextInput label="Your user name" required autoComplete="username" value={user} onChange={(e) => setUser(e.currentTarget.value)} />
            <PasswordInput label="Your password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            {mode === 'share' && (
              <Alert color="blue">
                Storybank creates the team workspace on the server with its rules, and sends every channel, category, post, idea and photo of this workspace. Then add your teammates' accounts (`storybank team user`), and they join from their own machines.
              </Alert>
            )}
            <Button type="submit" leftSection={<IconUsersGroup size={16} />} loading={busy} disabled={!server || !workspace || !user || !password} w="fit-content">
              {mode === 'share' ? 'Share this workspace' : 'Join the team'}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
