// The export's format cards and its options form (dates, channels, date order, media address,
// folder) with the Export and Stop buttons; the state lives in useExportOptions.
import { Button, Group, MultiSelect, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconFileExport, IconFolder, IconLink } from '@tabler/icons-react';
import type { Channel } from '../../../shared/domain/schemas';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/types';
import { zoneShortName } from '../settings/timeZones';
import { FORMAT_INFO } from './labels';
import type { DateOrder, ExportOptions, FieldErrors } from './useExportOptions';

type SetOption = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => void;

export function ExportFormatPicker({ format, onFormat }: { format: ExportFormat; onFormat: (format: ExportFormat) => void }) {
  return (
    <Radio.Group value={format} onChange={(v) => onFormat(v as ExportFormat)} label="Format" labelProps={{ className: 'sb-export-section-label' }}>
      <SimpleGrid cols={{ base: 2, sm: 4, xl: 7 }} spacing="sm" mt={6}>
        {EXPORT_FORMATS.map((f) => (
          <Radio.Card key={f} value={f} radius="md" className="sb-format-card">
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator size="xs" mt={3} />
              <div>
                {/* the card's name is all its words (not a shorter aria-label); divs, not paragraphs posing as headings */}
                <Text component="div" fw={600} size="sm" lh={1.3}>
                  {FORMAT_INFO[f].label}
                </Text>
                <Text component="div" size="xs" c="teal.9" fw={700} tt="uppercase" lh={1.4} style={{ letterSpacing: 0.3 }}>
                  {FORMAT_INFO[f].kind}
                </Text>
                <Text component="div" size="xs" c="dimmed" lh={1.35} mt={2}>
                  {FORMAT_INFO[f].description}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

interface FormProps {
  options: ExportOptions;
  set: SetOption;
  errors: FieldErrors;
  zone: string;
  channels: Channel[];
  exportLabel: string;
  canExport: boolean;
  running: boolean;
  /** a job is running and can be stopped */
  stoppable: boolean;
  onStop: () => void;
  onExport: () => void;
}

export function ExportOptionsForm({ options, set, errors, zone, channels, exportLabel, canExport, running, stoppable, onStop, onExport }: FormProps) {
  const formatInfo = FORMAT_INFO[options.format];
  return (
    <Paper withBorder p="lg" radius="md" component="form" aria-label="Export options" onSubmit={(e) => (e.preventDefault(), onExport())}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group grow align="flex-start">
            <TextInput label="From" type="date" value={options.from} error={errors.from} onChange={(e) => set('from', e.currentTarget.value)} required />
            <TextInput label="To" type="date" value={options.to} min={options.from || undefined} error={errors.to} onChange={(e) => set('to', e.currentTarget.value)} required />
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              Local dates in {zoneShortName(zone)}, both included
            </Text>
          </Group>
        </Stack>
        <MultiSelect
          label="Channels"
          placeholder={options.channelIds.length ? undefined : 'All channels'}
          data={channels.map((c) => ({ value: c.id, label: c.name }))}
          value={options.channelIds}
          onChange={(ids) => set('channelIds', ids)}
          error={errors.channelIds}
          clearable
        />
        {formatInfo.asksDateOrder && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="sb-date-order">
              Date order
            </Text>
            <SegmentedControl
              aria-labelledby="sb-date-order"
              value={options.dateOrder}
              onChange={(v) => set('dateOrder', v as DateOrder)}
              data={[
                { value: 'mdy', label: 'MM/DD/YYYY' },
                { value: 'dmy', label: 'DD/MM/YYYY' },
              ]}
            />
            <Text size="xs" c="dimmed">
              Pick the same order in {formatInfo.label}’s importer. Times are written in each
              channel’s time zone: set your {formatInfo.label} account to the same zone.
            </Text>
          </Stack>
        )}
        <TextInput
          label="Media base URL"
          placeholder="https://www.yourbank.com/social"
          description={
            formatInfo.carriesImages
              ? 'Where the export folder is published. Local images become links under it and are copied to the folder’s media/. Leave empty to export without local images.'
              : `${formatInfo.label} files carry no images.`
          }
          leftSection={<IconLink size={16} />}
          value={options.mediaBaseUrl}
          error={errors.mediaBaseUrl}
          disabled={!formatInfo.carriesImages}
          onChange={(e) => set('mediaBaseUrl', e.currentTarget.value)}
        />
        <TextInput
          label="Output folder"
          description="On this computer; ~ is your home folder. Created if missing."
          leftSection={<IconFolder size={16} />}
          value={options.outputDir}
          error={errors.outputDir}
          onChange={(e) => set('outputDir', e.currentTarget.value)}
          required
        />
        <Group gap="xs">
          <Button type="submit" size="md" leftSection={<IconFileExport size={18} />} loading={running} disabled={!canExport}>
            {exportLabel}
          </Button>
          {stoppable && (
            <Button size="md" variant="default" onClick={onStop} aria-label="Stop exporting">
              Stop
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Exported posts move to <b>Exported</b>. Exporting the same posts again writes the same files and records nothing new.
        </Text>
      </Stack>
    </Paper>
  );
}
