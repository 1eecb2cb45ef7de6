import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBroadcast, IconBuildingBank, IconCalendarOff, IconCategory, IconConfetti, IconDatabase, IconScale, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { ComplianceSection } from './ComplianceSection';
import { PeopleSection } from './PeopleSection';
import { usePageParams } from '../../app/route';
import { BackupsSection } from './BackupsSection';
import { BlackoutsSection } from './BlackoutsSection';
import { CategoriesSection } from './CategoriesSection';
import { ChannelsSection } from './ChannelsSection';
import { ObservancesSection } from './ObservancesSection';
import { WorkspaceSection } from './WorkspaceSection';
import { TeamSection } from './TeamSection';
import './settings.css';
import { MUTED } from './feedback';

const SECTIONS = [
  { id: 'workspace', label: 'Workspace', icon: IconBuildingBank, render: () => <WorkspaceSection /> },
  { id: 'channels', label: 'Channels', icon: IconBroadcast, render: () => <ChannelsSection /> },
  { id: 'categories', label: 'Categories', icon: IconCategory, render: () => <CategoriesSection /> },
  { id: 'blackouts', label: 'Blackout dates', icon: IconCalendarOff, render: () => <BlackoutsSection /> },
  { id: 'observances', label: 'Observances', icon: IconConfetti, render: () => <ObservancesSection /> },
  { id: 'people', label: 'People & policy', icon: IconUsers, render: () => <PeopleSection /> },
  { id: 'compliance', label: 'Compliance', icon: IconScale, render: () => <ComplianceSection /> },
  { id: 'backups', label: 'Backups', icon: IconDatabase, render: () => <BackupsSection /> },
  { id: 'team', label: 'Team', icon: IconUsersGroup, render: () => <TeamSection /> },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** Workspace, channels and their posting schedules, categories and their targets, blackout dates and observances. */
export function SettingsPage() {
  // the section lives in the address (#/settings?section=channels): the first-run checklist links to one
  const [params, setParams] = usePageParams('settings');
  const section: SectionId = SECTIONS.some((s) => s.id === params.section) ? (params.section as SectionId) : 'workspace';
  const setSection = (id: SectionId) => setParams({ section: id }, 'replace');
  return (
    <Stack gap="md" maw={1100} className="sb-settings">
      <div>
        <Title order={1} size="h2">
          Settings
        </Title>
        <Text c={MUTED} size="sm">
          Changes are saved to this workspace as you make them; most can be undone with Ctrl+Z.
        </Text>
      </div>
      <Tabs value={section} onChange={(v) => v && setSection(v as SectionId)} keepMounted={false}>
        <Tabs.List aria-label="Settings sections" mb="lg">
          {SECTIONS.map(({ id, label, icon: Icon }) => (
            <Tabs.Tab key={id} value={id} leftSection={<Icon size={16} />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map(({ id, render }) => (
          <Tabs.Panel key={id} value={id}>
            {render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
