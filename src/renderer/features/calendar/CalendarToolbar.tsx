// Above the calendar: search, filters (inline on a wide window, in a Filters popover below
// 1440 px), display options and the primary actions, which stay visible from 1024 px up.
import { Button, Group, MultiSelect, Popover, Stack, Switch, TextInput } from '@mantine/core';
import { IconFilter, IconLayoutSidebarRight, IconPlus, IconSearch, IconWand } from '@tabler/icons-react';
import { POST_STATUSES, STATUS_LABELS, type Category, type Channel } from '../../../shared/domain/schemas';

export interface CalendarFilters {
  channels: string[];
  categories: string[];
  statuses: string[];
}

interface Props {
  text: string;
  onText(text: string): void;
  filters: CalendarFilters;
  onFilters(changes: Partial<CalendarFilters>): void;
  channels: Channel[];
  categories: Category[];
  compact: boolean;
  showObservances: boolean;
  onShowObservances(show: boolean): void;
  showOpenSlots: boolean;
  onShowOpenSlots(show: boolean): void;
  panelOpen: boolean;
  onTogglePanel(): void;
  onPlan(): void;
  onNewPost(): void;
}

export function CalendarToolbar(props: Props) {
  const { filters, onFilters, compact } = props;
  const active = filters.channels.length + filters.categories.length + filters.statuses.length;
  const selects = [
    { key: 'channels', label: 'Channels', placeholder: 'All channels', data: props.channels.map((c) => ({ value: c.id, label: c.name })), width: 170 },
    { key: 'categories', label: 'Categories', placeholder: 'All categories', data: props.categories.map((c) => ({ value: c.id, label: c.name })), width: 170 },
    { key: 'statuses', label: 'Status', placeholder: 'Any status', data: POST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), width: 150 },
  ] as const;
  const controls = (inline: boolean) => (
    <>
      {selects.map(({ key, label, placeholder, data, width }) => (
        <MultiSelect
          key={key}
          label={label}
          placeholder={filters[key].length ? undefined : placeholder}
          data={data}
          value={filters[key]}
          onChange={(value) => onFilters({ [key]: value })}
          clearable
          w={inline ? width : undefined}
          comboboxProps={inline ? undefined : { withinPortal: false }}
        />
      ))}
      <Stack gap={4}>
        <Switch size="xs" label="Observances" checked={props.showObservances} onChange={(e) => props.onShowObservances(e.currentTarget.checked)} />
        <Switch size="xs" label="Open slots" checked={props.showOpenSlots} onChange={(e) => props.onShowOpenSlots(e.currentTarget.checked)} />
      </Stack>
    </>
  );
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <TextInput
        label="Search"
        placeholder="Title, text or notes"
        leftSection={<IconSearch size={16} />}
        value={props.text}
        onChange={(e) => props.onText(e.currentTarget.value)}
        style={{ flex: '1 1 150px', minWidth: 120, maxWidth: 200 }}
      />
      {compact ? (
        <Popover position="bottom-start" shadow="md" trapFocus>
          <Popover.Target>
            <Button variant="default" leftSection={<IconFilter size={16} />}>
              Filters{active ? ` (${active})` : ''}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="sm" w={260}>
              {controls(false)}
            </Stack>
          </Popover.Dropdown>
        </Popover>
      ) : (
        controls(true)
      )}
      <Group gap="sm" wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
        {/* the visible words are the name (speech input users say what they see) */}
        <Button variant="default" onClick={props.onTogglePanel} aria-pressed={props.panelOpen} leftSection={<IconLayoutSidebarRight size={16} />}>
          {props.panelOpen ? 'Hide panel' : 'Show panel'}
        </Button>
        <Button variant="default" leftSection={<IconWand size={16} />} onClick={props.onPlan}>
          Plan…
        </Button>
        <Button leftSection={<IconPlus size={16} />} onClick={props.onNewPost}>
          New post
        </Button>
      </Group>
    </Group>
  );
}
