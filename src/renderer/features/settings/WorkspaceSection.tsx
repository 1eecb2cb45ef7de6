import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { FieldError, showSaved, MUTED } from './feedback';
import { timeZoneOptions } from './timeZones';

export function WorkspaceSection() {
  const { info, reload } = useWorkspace();
  const undo = useUndo();
  const [name, setName] = useState(info.name);
  const [timezone, setTimezone] = useState(info.timezone);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // An undo from the header changes the workspace under the form: follow it.
  useEffect(() => {
    setName(info.name);
    setTimezone(info.timezone);
  }, [info.name, info.timezone]);
  const dirty = name !== info.name || timezone !== info.timezone;

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Enter the name of your bank or team');
      showError(new FieldError('Workspace name', 'enter the name of your bank or team'), 'Could not save the workspace');
      return;
    }
    setSaving(true);
    try {
      const before = { name: info.name, timezone: info.timezone };
      const after = { name: trimmed, timezone };
      await call('workspace.update', after);
      undo.push({
        label: 'workspace settings',
        undo: async () => void (await call('workspace.update', before), await reload()),
        redo: async () => void (await call('workspace.update', after), await reload()),
      });
      await reload();
      showSaved('Workspace saved', timezone !== before.timezone ? `Times are now shown in ${timezone.replaceAll('_', ' ')}.` : undefined);
    } catch (error) {
      showError(error, 'Could not save the workspace');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          Workspace
        </Title>
        <Text c={MUTED} size="sm">
          Your bank's name and the time zone the calendar is planned in.
        </Text>
      </div>
      <Paper withBorder p="lg" maw={640}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="md">
            <TextInput
              label="Workspace name"
              description="Shown at the top of the window and in exports"
              required
              value={name}
              error={nameError}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setNameError(null);
              }}
            />
            <Select
              label="Time zone"
              description="Posts are scheduled and shown in this zone unless a channel has its own"
              data={timeZoneOptions([info.timezone])}
              value={timezone}
              onChange={(v) => v && setTimezone(v)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
              maxDropdownHeight={300}
            />
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty || saving} onClick={() => (setName(info.name), setTimezone(info.timezone), setNameError(null))}>
                Discard changes
              </Button>
              <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!dirty}>
                Save workspace
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
