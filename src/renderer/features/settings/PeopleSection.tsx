// People and their roles, four-eyes review, the social-media policy and how long the audit trail is
// kept. Admins change them; everyone can see them (the services refuse anyone else's change).
import { Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { PolicyStatus } from '../../../shared/api/people';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Profile, type Role } from '../../../shared/domain/people';
import { call } from '../../api/client';
import { formatInstant } from '../../app/format';
import { useSession } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { MUTED, showError, showSaved } from './feedback';

export function PeopleSection() {
  const { can, fourEyes, reload: reloadSession, current } = useSession();
  const admin = can('admin');
  const [people, setPeople] = useState<Profile[]>([]);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['planner']);
  const load = useCallback(async () => {
    try {
      setPeople(await call('people.list', {}));
    } catch (error) {
      showError(error, 'Could not load people');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const update = async (person: Profile, patch: { name?: string; roles?: Role[]; archived?: boolean }) => {
    try {
      await call('people.update', { id: person.id, revision: person.revision, ...patch });
      await Promise.all([load(), reloadSession()]);
    } catch (error) {
      showError(error, `Could not change ${person.name}`);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb={4}>
          People and roles
        </Title>
        <Text size="sm" c={MUTED} mb="sm">
          {Object.entries(ROLE_DESCRIPTIONS)
            .map(([role, what]) => `${ROLE_LABELS[role as Role]}: ${what}`)
            .join('. ')}
          .
        </Text>
        <Table aria-label="People">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {ROLES.map((r) => (
                <Table.Th key={r}>{ROLE_LABELS[r]}</Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>Archive</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id} opacity={person.archived ? 0.6 : 1}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {admin && !person.archived ? (
                      <TextInput
                        size="xs"
                        aria-label={`Name of ${person.name}`}
                        defaultValue={person.name}
                        key={`${person.id}-${person.revision}`}
                        onBlur={(e) => {
                          const name = e.currentTarget.value.trim();
                          if (name && name !== person.name) void update(person, { name });
                        }}
                        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                      />
                    ) : (
                      person.name
                    )}
                    {person.id === current?.id && <Badge size="xs" variant="light" tt="none">you</Badge>}
                    {person.archived && <Badge size="xs" color="gray" tt="none">archived</Badge>}
                  </Group>
                </Table.Td>
                {ROLES.map((role) => (
                  <Table.Td key={role}>
                    <Checkbox
                      aria-label={`${person.name}: ${ROLE_LABELS[role]}`}
                      checked={person.roles.includes(role)}
                      disabled={!admin || person.archived}
                      onChange={(e) => {
                        const next = e.currentTarget.checked ? [...person.roles, role] : person.roles.filter((r) => r !== role);
                        if (next.length > 0) void update(person, { roles: next });
                      }}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  {admin && person.id !== current?.id && (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void update(person, { archived: !person.archived })}>
                      {person.archived ? 'Restore' : 'Archive'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {admin && (
          <Group align="flex-end" gap="xs" mt="md" wrap="wrap">
            <TextInput label="New person" placeholder="Full name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} />
            <Checkbox.Group value={roles} onChange={(v) => setRoles(v as Role[])} label="Roles">
              <Group gap="sm" mt={6}>
                {ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                ))}
              </Group>
            </Checkbox.Group>
            <Button
              leftSection={<IconUserPlus size={16} />}
              disabled={!name.trim() || roles.length === 0}
              onClick={async () => {
                try {
                  await call('people.create', { name: name.trim(), roles });
                  setName('');
                  await Promise.all([load(), reloadSession()]);
                  showSaved('Person added', `${name.trim()} can now choose themselves when Storybank starts.`);
                } catch (error) {
                  showError(error, 'Could not add the person');
                }
              }}
            >
              Add person
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Switch
          label="Four-eyes review: nobody approves a post they wrote or submitted"
          description="Recommended for banks; a team of one can switch it off."
          checked={fourEyes}
          disabled={!admin}
          onChange={async (e) => {
            try {
              await call('reviews.setFourEyes', { on: e.currentTarget.checked });
              await reloadSession();
            } catch (error) {
              showError(error, 'Could not change four-eyes review');
            }
          }}
        />
      </Paper>
      <PolicyEditor admin={admin} onPublished={reloadSession} />
      <RetentionSetting admin={admin} />
    </Stack>
  );
}

function PolicyEditor({ admin, onPublished }: { admin: boolean; onPublished: () => Promise<void> }) {
  const { info } = useWorkspace();
  const [status, setStatus] = useState<PolicyStatus | null>(null);
  const [text, setText] = useState('');
  const load = useCallback(async () => {
    const next = await call('policy.get', {});
    setStatus(next);
    setText(next.policy?.text ?? '');
  }, []);
  useEffect(() => {
    load().catch((error) => showError(error, 'Could not load the policy'));
  }, [load]);
  if (!status) return null;
  const { policy } = status;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={4}>
        Social-media policy
      </Title>
      <Text size="sm" c={MUTED} mb="sm">
        {policy
          ? `Version ${policy.version}, published ${formatInstant(policy.publishedAt, info.timezone)} by ${policy.publishedBy}. Everyone accepts the current version before drafting or approving.`
          : 'No policy yet. Write the rules your staff follow (FFIEC guidance expects them, and training on them); everyone accepts it before drafting or approving.'}
      </Text>
      <Textarea aria-label="Policy text" autosize minRows={5} maxRows={14} value={text} onChange={(e) => setText(e.currentTarget.value)} readOnly={!admin} />
      {policy && (
        <Text size="xs" mt={6}>
          Accepted version {policy.version}: {status.people.filter((p) => p.acceptedVersion >= policy.version).map((p) => p.name).join(', ') || 'nobody yet'}.
          {status.people.some((p) => p.acceptedVersion < policy.version) && ` Not yet: ${status.people.filter((p) => p.acceptedVersion < policy.version).map((p) => p.name).join(', ')}.`}
        </Text>
      )}
      {admin && (
        <Group justify="flex-end" mt="sm">
          <Button
            disabled={text.trim().length < 20 || text === (policy?.text ?? '')}
            onClick={async () => {
              try {
                const published = await call('policy.publish', { text });
                await load();
                await onPublished();
                showSaved(`Policy version ${published.version} published`, 'Everyone is asked to accept it the next time they start Storybank.');
              } catch (error) {
                showError(error, 'Could not publish the policy');
              }
            }}
          >
            {policy ? `Publish as version ${policy.version + 1}` : 'Publish the policy'}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function RetentionSetting({ admin }: { admin: boolean }) {
  const [years, setYears] = useState<number | null>(null);
  useEffect(() => {
    call('audit.settings', {}).then((s) => setYears(s.retentionYears), (error) => showError(error, 'Could not load the retention setting'));
  }, []);
  if (years === null) return null;
  return (
    <Paper withBorder p="md">
      <NumberInput
        label="Keep the audit trail for (years)"
        description="Reg DD asks for two years, FINRA three, an investment adviser five. Nothing younger is ever deleted."
        min={2}
        max={10}
        w={320}
        value={years}
        disabled={!admin}
        onChange={async (value) => {
          const next = Number(value);
          if (!Number.isInteger(next) || next < 2 || next > 10) return;
          try {
            setYears((await call('audit.setRetention', { years: next })).retentionYears);
          } catch (error) {
            showError(error, 'Could not change the retention');
          }
        }}
      />
    </Paper>
  );
}
