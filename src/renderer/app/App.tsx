import {
  ActionIcon,
  AppShell,
  Badge,
  Center,
  Drawer,
  Group,
  Loader,
  MantineProvider,
  Modal,
  Notification,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForwardUp, IconBulb,
  IconPhoto, IconCalendarMonth, IconChartBar, IconChecklist, IconFileExport, IconHistory, IconSettings } from '@tabler/icons-react';
import { Suspense, type ReactNode } from 'react';
import { lazyNamed } from './lazyNamed';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { showError } from './errors';
import { navigate, useRoute, type PageId } from './route';
import { offerImport } from '../features/ideas/pendingImport';
import { UndoProvider, useUndo } from './undo';
import { WorkspaceProvider, useWorkspace } from './workspace';
import { PersonMenu, SessionProvider } from './session';
import { zoneShortName } from '../features/settings/timeZones';
import { TeamSyncBadge } from '../features/team/TeamSync';

const theme = createTheme({
  primaryColor: 'teal',
  // Mantine's teal with darker 8 and 9: white text on shade 9 (buttons, the active page) and
  // shade 9 text on white reach 7.9:1, the enhanced (AAA) contrast, not only AA
  // (red and blue likewise: shade 9 is the text of "over" and "under" and of the danger buttons)
  colors: {
    teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#0d6e51', '#0b5d44'],
    red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#f03e3e', '#e03131', '#9b1c1c'],
    blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1c7ed6', '#1971c2', '#144a80'],
  },
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif' },
  components: {
    // close buttons need an accessible name
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
  },
});

/**
 * The calendar opens first, so it comes with the app's own code (no second round trip before the
 * first paint); every other page is a chunk of its own, loaded when it is opened.
 */
const IdeasPage = lazyNamed(() => import('../features/ideas/IdeasPage'), 'IdeasPage');
const MediaLibraryPage = lazyNamed(() => import('../features/media/MediaLibrary'), 'MediaLibraryPage');
const MixPage = lazyNamed(() => import('../features/mix/MixPage'), 'MixPage');
const ExportPage = lazyNamed(() => import('../features/export/ExportPage'), 'ExportPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const ReviewPage = lazyNamed(() => import('../features/review/ReviewPage'), 'ReviewPage');
const AuditPage = lazyNamed(() => import('../features/audit/AuditPage'), 'AuditPage');

const PAGES: Array<{ id: PageId; label: string; icon: ReactNode; render: () => ReactNode }> = [
  { id: 'calendar', label: 'Calendar', icon: <IconCalendarMonth size={18} />, render: () => <CalendarPage /> },
  { id: 'ideas', label: 'Story ideas', icon: <IconBulb size={18} />, render: () => <IdeasPage /> },
  { id: 'media', label: 'Media library', icon: <IconPhoto size={18} />, render: () => <MediaLibraryPage /> },
  { id: 'review', label: 'Review', icon: <IconChecklist size={18} />, render: () => <ReviewPage /> },
  { id: 'mix', label: 'Mix report', icon: <IconChartBar size={18} />, render: () => <MixPage /> },
  { id: 'export', label: 'Export', icon: <IconFileExport size={18} />, render: () => <ExportPage /> },
  { id: 'audit', label: 'Audit trail', icon: <IconHistory size={18} />, render: () => <AuditPage /> },
  { id: 'settings', label: 'Settings', icon: <IconSettings size={18} />, render: () => <SettingsPage /> },
];

const LIGHT_VARIANT_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'green', 'lime', 'yellow', 'orange', 'teal'] as const;

// Mantine's default dimmed grey and light-variant teal text are below AA contrast; these reach
// the enhanced 7:1 on white (8.2:1 and 8.9:1).
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    // light badges, alerts and buttons: text in the colour's own darkest tone, 7:1 or more on its tint
    ...Object.fromEntries(LIGHT_VARIANT_COLORS.map((color) => [`--mantine-color-${color}-light-color`, `color-mix(in srgb, var(--mantine-color-${color}-9) 55%, black)`])),
  },
  dark: {},
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      {/* bottom-left: over the navigation, not over the calendar corner a post is often dropped on */}
      <Notifications position="bottom-left" />
      <WorkspaceProvider
        fallback={(error) => (
          <Center h="100vh">
            {error ? (
              <Stack align="center" gap="xs">
                <Title order={3}>Storybank could not open the workspace</Title>
                <Text c="dimmed">{error}</Text>
              </Stack>
            ) : (
              <Loader role="status" aria-label="Loading workspace" />
            )}
          </Center>
        )}
      >
        <UndoProvider onError={(e) => showError(e, 'Could not undo')}>
          <SessionGate />
        </UndoProvider>
      </WorkspaceProvider>
    </MantineProvider>
  );
}

/** Who is using the app comes before the shell's buttons: they follow the person's roles. */
function SessionGate() {
  const { reload } = useWorkspace();
  return (
    <SessionProvider onSwitched={() => void reload()}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { info } = useWorkspace();
  const { page } = useRoute();
  const current = PAGES.find((p) => p.id === page) ?? PAGES[0];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <img src="./logo.svg" alt="" width={28} height={28} />
            <Title order={1} size="h4">
              Storybank
            </Title>
            <Text c="dimmed" size="sm">
              {info.name}
            </Text>
            <Badge variant="light" color="gray" tt="none" title={`Workspace time zone: ${info.timezone}`}>
              {zoneShortName(info.timezone)}
            </Badge>
          </Group>
          <Group gap="md" wrap="nowrap">
            <TeamSyncBadge />
            <UndoButtons />
            <PersonMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {PAGES.map((p) => (
          <NavLink
            key={p.id}
            label={p.label}
            leftSection={p.icon}
            active={p.id === page}
            variant="filled"
            href={`#/${p.id}`}
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: p.id, params: {} });
            }}
            aria-current={p.id === page ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          // story files dropped on any page go to the Ideas page's import step (the page and the
          // editor's image area handle their own drops first)
          if (e.defaultPrevented || !e.dataTransfer.files.length) return;
          e.preventDefault();
          if (offerImport([...e.dataTransfer.files]) && page !== 'ideas') navigate({ page: 'ideas', params: {} });
        }}
      >
        {/* keyed by page: a page left while the next one loads must not live on with stale state */}
        <Suspense key={current.id} fallback={<Loader role="status" aria-label="Loading page" />}>
          {current.render()}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function UndoButtons() {
  const { undo, redo, undoLabel, redoLabel } = useUndo();
  return (
    <Group gap={4}>
      <Tooltip label={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        <ActionIcon variant="subtle" size="lg" aria-label="Undo" disabled={!undoLabel} onClick={() => void undo()}>
          <IconArrowBackUp size={20} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        <ActionIcon variant="subtle" size="lg" aria-label="Redo" disabled={!redoLabel} onClick={() => void redo()}>
          <IconArrowForwardUp size={20} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
