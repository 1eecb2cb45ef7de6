// Who is using Storybank: chosen at start (the main process remembers it for this machine), always
// shown in the header, and asked to accept the social-media policy when a new version comes out.
// Buttons follow the person's roles; the services check them again whatever the screen shows.
import { Avatar, Badge, Button, Group, Menu, Modal, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconChevronDown, IconUsers } from '@tabler/icons-react';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../shared/api/people';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Profile, type Role } from '../../shared/domain/people';
import { call } from '../api/client';
import { showError } from './errors';
import { isSuperseded, useLatest } from './latest';
import { loadSession, takeBootLoad } from './boot';
import { navigate } from './route';

interface SessionState extends SessionInfo {
  /** The current person has this role. */
  can(role: Role): boolean;
  reload(): Promise<void>;
  switchTo(id: string): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

export const roleList = (roles: readonly Role[]): string => roles.map((r) => ROLE_LABELS[r]).join(', ');

export function SessionProvider({ children, onSwitched }: { children: ReactNode; onSwitched: () => void }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [policyLater, setPolicyLater] = useState<number | null>(null);
  const latest = useLatest();
  const reload = useCallback(async () => {
    try {
      setSession(await latest(() => takeBootLoad('session') ?? loadSession()));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load who is using Storybank');
    }
  }, [latest]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const switchTo = useCallback(
    async (id: string) => {
      try {
        await call('people.select', { id });
        await reload();
        onSwitched();
      } catch (error) {
        showError(error, 'Could not switch person');
      }
    },
    [reload, onSwitched],
  );
  if (!session) return null;
  const value: SessionState = {
    ...session,
    can: (role) => Boolean(session.current?.roles.includes(role)),
    reload,
    switchTo,
  };
  const policy = session.policyToAccept;
  return (
    <SessionContext.Provider value={value}>
      {children}
      {!session.current && <PersonChooser people={session.people} onChoose={(id) => void switchTo(id)} />}
      {session.current && policy && policyLater !== policy.version && (
        <Modal opened onClose={() => setPolicyLater(policy.version)} title={`Social-media policy, version ${policy.version}`} size="lg">
          <Stack gap="sm">
            <Text size="sm">
              {session.current.name}, please read the bank&apos;s policy. You can draft, plan and approve posts once you have accepted it.
            </Text>
            <ScrollArea.Autosize mah={360} type="auto" className="sb-policy-text">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {policy.text}
              </Text>
            </ScrollArea.Autosize>
            <Text size="xs" c="dimmed">
              Published by {policy.publishedBy}. Your acceptance is recorded in the audit trail.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPolicyLater(policy.version)}>
                Read later
              </Button>
              <Button
                leftSection={<IconCheck size={16} />}
                onClick={async () => {
                  try {
                    await call('policy.accept', { version: policy.version });
                    await reload();
                  } catch (error) {
                    showError(error, 'Could not record your acceptance');
                  }
                }}
              >
                I have read it and accept version {policy.version}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

function PersonChooser({ people, onChoose }: { people: Profile[]; onChoose: (id: string) => void }) {
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title="Who is using Storybank?" size="md">
      <Text size="sm" mb="sm">
        Choose yourself: what you do is recorded under your name, and this computer remembers the choice.
      </Text>
      <Stack gap="xs" component="ul" aria-label="People" className="sb-person-list">
        {people.map((person) => (
          <li key={person.id}>
            <UnstyledButton className="sb-person-choice" onClick={() => onChoose(person.id)} w="100%">
              <Group gap="sm" wrap="nowrap">
                <Avatar color="teal" radius="xl" aria-hidden>
                  {initials(person.name)}
                </Avatar>
                <span>
                  <Text component="span" display="block" fw={600}>
                    {person.name}
                  </Text>
                  <Text component="span" display="block" size="xs" c="dimmed">
                    {person.roles.map((r) => `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r]}`).join(' · ')}
                  </Text>
                </span>
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Modal>
  );
}

/** The header's "who am I": the current person, their roles, and switching to someone else. */
export function PersonMenu() {
  const { current, people, switchTo, can } = useSession();
  if (!current) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className="sb-person-menu">
          <VisuallyHidden>Signed in as </VisuallyHidden>
          <Group gap={8} wrap="nowrap">
            <Avatar color="teal" radius="xl" size="sm" aria-hidden>
              {initials(current.name)}
            </Avatar>
            <div className="sb-person-name">
              {/* spans: a name and its roles are not a heading */}
              <Text component="span" display="block" size="sm" fw={600} lh={1.1}>
                {current.name}
              </Text>
              <Text component="span" display="block" size="xs" c="dimmed" lh={1.1}>
                {roleList(current.roles)}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
          <VisuallyHidden>: switch person</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch to</Menu.Label>
        {people
          .filter((p) => p.id !== current.id)
          .map((p) => (
            <Menu.Item key={p.id} onClick={() => void switchTo(p.id)} leftSection={<Avatar size="xs" radius="xl" aria-hidden>{initials(p.name)}</Avatar>}>
              {p.name}{' '}
              <Badge size="xs" variant="light" color="gray" tt="none">
                {roleList(p.roles)}
              </Badge>
            </Menu.Item>
          ))}
        {can('admin') && (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<IconUsers size={14} />} onClick={() => navigate({ page: 'settings', params: { section: 'people' } })}>
              People and roles
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
