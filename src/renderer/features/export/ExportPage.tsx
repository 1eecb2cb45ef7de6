// The Export page: pick a format, channels, a date range and where the files go; review the first
// rows of each file and what is left out (and why); then write the files. Existing files with other
// content are only replaced after a confirm step. Tabs show posts changed since export and history.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Grid,
  List,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCircleCheck, IconFileExport, IconFolder, IconHistory, IconLink, IconPencil } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_EXPORT_FOLDER, type ExportBatchSummary, type ExportChange, type ExportPreview, type ExportResult, type ExportScope } from '../../../shared/api/contract';
import { LocalDate } from '../../../shared/domain/schemas';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/types';
import { addDaysLocal, utcToZonedWallTime } from '../../../shared/time';
import { ApiFailure, call } from '../../api/client';
import { showError } from '../../app/errors';
import { useJob } from '../../app/jobs';
import { isSuperseded, useLatest } from '../../app/latest';
import { useWorkspace } from '../../app/workspace';
import { ChangedSinceExport, ExportBatches } from './ExportHistory';
import { ExportPreviewPanel } from './ExportPreviewPanel';
import { FORMAT_INFO } from './labels';
import { plural } from '../../../shared/words';
import './export.css';

type FieldErrors = Partial<Record<'from' | 'to' | 'mediaBaseUrl' | 'outputDir' | 'channelIds', string>>;

function checkFields(from: string, to: string, mediaBaseUrl: string, outputDir: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!LocalDate.safeParse(from).success) errors.from = 'Choose the first day';
  if (!LocalDate.safeParse(to).success) errors.to = 'Choose the last day';
  else if (!errors.from && to < from) errors.to = 'Ends before it starts';
  if (mediaBaseUrl.trim() && !/^https:\/\/[^\s/]+/.test(mediaBaseUrl.trim())) errors.mediaBaseUrl = 'Use a public https:// address';
  if (!outputDir.trim()) errors.outputDir = 'Choose a folder';
  return errors;
}

/** Field errors from the service (validation issues name the field). */
function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiFailure)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.error.issues) {
    const field = issue.path.replace(/\[.*$/, '') as keyof FieldErrors;
    if (['from', 'to', 'mediaBaseUrl', 'outputDir', 'channelIds'].includes(field)) errors[field] = issue.message;
  }
  return errors;
}

export function ExportPage() {
  const { info, channels } = useWorkspace();
  const zone = info.timezone;
  const today = useMemo(() => utcToZonedWallTime(new Date().toISOString(), zone).date, [zone]);
  const [tab, setTab] = useState<'new' | 'changed' | 'history'>('new');
  const [format, setFormat] = useState<ExportFormat>('buffer');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => addDaysLocal(today, 30));
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [dateOrder, setDateOrder] = useState<'mdy' | 'dmy'>('mdy');
  const [mediaBaseUrl, setMediaBaseUrl] = useState('');
  const [outputDir, setOutputDir] = useState(DEFAULT_EXPORT_FOLDER);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [running, setRunning] = useState(false);
  const job = useJob();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [changes, setChanges] = useState<ExportChange[] | null>(null);
  const [batches, setBatches] = useState<ExportBatchSummary[] | null>(null);

  const localErrors = checkFields(from, to, mediaBaseUrl, outputDir);
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const valid = Object.keys(localErrors).length === 0;
  const formatInfo = FORMAT_INFO[format];

  const scope = useMemo<ExportScope | null>(
    () =>
      valid
        ? {
            format,
            from,
            to,
            ...(channelIds.length ? { channelIds } : {}),
            ...(formatInfo.asksDateOrder ? { dateOrder } : {}),
            mediaBaseUrl: mediaBaseUrl.trim() || null,
            outputDir: outputDir.trim(),
          }
        : null,
    [valid, format, from, to, channelIds, formatInfo.asksDateOrder, dateOrder, mediaBaseUrl, outputDir],
  );
  const [debouncedScope] = useDebouncedValue(scope, 250);

  const latestPreview = useLatest();
  const latestRecords = useLatest();
  const refreshPreview = useCallback(async (target: ExportScope | null) => {
    if (!target) return;
    setLoading(true);
    try {
      setPreview(await latestPreview(() => call('export.preview', target)));
      setServerErrors({});
      setPreviewError(null);
      setLoading(false);
    } catch (error) {
      if (isSuperseded(error)) return;
      setServerErrors(fieldErrorsOf(error));
      setPreviewError(error instanceof Error ? error.message : String(error));
      setLoading(false);
    }
  }, [latestPreview]);

  // The workspace remembers where it last exported (its own export history, so the folder follows
  // the workspace to another machine): format, folder, media address and date order start there,
  // once, before the user changes anything.
  const remembered = useRef(false);
  const rememberLastExport = useCallback((last: ExportBatchSummary | undefined) => {
    if (remembered.current) return;
    remembered.current = true;
    if (!last) return;
    const options = last.options as { outputDir?: unknown; mediaBaseUrl?: unknown; dateOrder?: unknown };
    setFormat(last.format);
    if (typeof options.outputDir === 'string') setOutputDir(options.outputDir);
    if (typeof options.mediaBaseUrl === 'string') setMediaBaseUrl(options.mediaBaseUrl);
    if (options.dateOrder === 'mdy' || options.dateOrder === 'dmy') setDateOrder(options.dateOrder);
  }, []);

  const refreshRecords = useCallback(async () => {
    try {
      const [changed, history] = await latestRecords(() => Promise.all([call('export.changed', {}), call('export.batches', {})]));
      setChanges(changed);
      setBatches(history);
      rememberLastExport(history[0]);
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the export history');
    }
  }, [latestRecords, rememberLastExport]);

  useEffect(() => {
    setResult(null);
    void refreshPreview(debouncedScope);
  }, [debouncedScope, refreshPreview]);
  useEffect(() => {
    void refreshRecords();
  }, [refreshRecords]);

  const runExport = async (overwrite: boolean) => {
    if (!scope) return;
    setConfirming(false);
    setRunning(true);
    try {
      const done = await job.run('export.run', { ...scope, overwrite });
      setResult(done);
      notifications.show({
        color: 'teal',
        title: 'Export written',
        message: `${plural(done.files.length, 'file')} in ${done.outputDir}`,
      });
      await Promise.all([refreshPreview(scope), refreshRecords()]);
      setResult(done);
    } catch (error) {
      if (error instanceof ApiFailure && error.error.code === 'cancelled') notifications.show({ title: 'Export cancelled', message: 'Nothing was written or recorded.' });
      else showError(error, 'Could not export');
      await refreshPreview(scope);
    } finally {
      setRunning(false);
    }
  };

  const onExport = () => {
    if (!preview) return;
    if (preview.conflicts.length > 0) setConfirming(true);
    else void runExport(false);
  };

  const canExport = Boolean(scope && preview && preview.files.length > 0 && !loading && !previewError);

  return (
    <Stack gap="lg" maw={1320} className="sb-export">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Export
          </Title>
          <Text c="dimmed" size="sm">
            Send approved posts to your scheduler or calendar. Nothing is shortened or moved: posts that are not ready stay out, with the reason.
          </Text>
        </div>
      </Group>

      <Tabs value={tab} onChange={(v) => v && setTab(v as typeof tab)} keepMounted={false}>
        <Tabs.List aria-label="Export views" mb="lg">
          <Tabs.Tab value="new" leftSection={<IconFileExport size={16} />}>
            New export
          </Tabs.Tab>
          <Tabs.Tab
            value="changed"
            leftSection={<IconPencil size={16} />}
            rightSection={changes && changes.length > 0 ? <Badge size="xs" color="orange" circle>{changes.length}</Badge> : undefined}
          >
            Changed since export
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            History
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="new">
          <Stack gap="lg">
            <Radio.Group value={format} onChange={(v) => setFormat(v as ExportFormat)} label="Format" labelProps={{ className: 'sb-export-section-label' }}>
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

            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Paper withBorder p="lg" radius="md" component="form" aria-label="Export options" onSubmit={(e) => (e.preventDefault(), onExport())}>
                  <Stack gap="md">
                    <Stack gap={4}>
                      <Group grow align="flex-start">
                        <TextInput label="From" type="date" value={from} error={errors.from} onChange={(e) => setFrom(e.currentTarget.value)} required />
                        <TextInput label="To" type="date" value={to} min={from || undefined} error={errors.to} onChange={(e) => setTo(e.currentTarget.value)} required />
                      </Group>
                      <Group gap={6} wrap="nowrap">
                        <IconCalendarEvent size={14} color="var(--mantine-color-dimmed)" />
                        <Text size="xs" c="dimmed">
                          Local dates in {zone}, both included
                        </Text>
                      </Group>
                    </Stack>
                    <MultiSelect
                      label="Channels"
                      placeholder={channelIds.length ? undefined : 'All channels'}
                      data={channels.map((c) => ({ value: c.id, label: c.name }))}
                      value={channelIds}
                      onChange={setChannelIds}
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
                          value={dateOrder}
                          onChange={(v) => setDateOrder(v as 'mdy' | 'dmy')}
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
                      value={mediaBaseUrl}
                      error={errors.mediaBaseUrl}
                      disabled={!formatInfo.carriesImages}
                      onChange={(e) => setMediaBaseUrl(e.currentTarget.value)}
                    />
                    <TextInput
                      label="Output folder"
                      description="On this computer; ~ is your home folder. Created if missing."
                      leftSection={<IconFolder size={16} />}
                      value={outputDir}
                      error={errors.outputDir}
                      onChange={(e) => setOutputDir(e.currentTarget.value)}
                      required
                    />
                    <Group gap="xs">
                      <Button type="submit" size="md" leftSection={<IconFileExport size={18} />} loading={running} disabled={!canExport}>
                        {preview && preview.files.length > 0 ? `Export ${plural(preview.files.length, 'file')}` : 'Export files'}
                      </Button>
                      {job.progress && (
                        <Button size="md" variant="default" onClick={() => void job.cancel()} aria-label="Stop exporting">
                          Stop
                        </Button>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      Exported posts move to <b>Exported</b>. Exporting the same posts again writes the same files and records nothing new.
                    </Text>
                  </Stack>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Stack gap="md" aria-busy={loading}>
                  {result && (
                    <Alert color="teal" radius="md" icon={<IconCircleCheck size={20} />} title={result.recorded ? 'Export written' : 'Same as the last export'}>
                      <Text size="sm">
                        {plural(result.files.length, 'file')} in <Code>{result.outputDir}</Code>
                        {result.media.copy.length > 0 && <>, with {plural(result.media.copy.length, 'image')} in media/</>}.{' '}
                        {result.recorded
                          ? `${plural(result.statusChanged, 'post')} moved to Exported.`
                          : 'The files were already there with this content; nothing new was recorded.'}
                      </Text>
                    </Alert>
                  )}
                  {previewError && (
                    <Alert color="red" radius="md" title="Cannot preview this export">
                      {previewError}
                    </Alert>
                  )}
                  {preview ? (
                    <div style={{ position: 'relative' }}>
                      {loading && <Loader size="sm" className="sb-export-loader" role="status" aria-label="Updating preview" />}
                      <ExportPreviewPanel preview={preview} zone={zone} channels={channels} />
                    </div>
                  ) : (
                    <Stack gap="sm">
                      <Skeleton h={84} radius="md" />
                      <Skeleton h={220} radius="md" />
                      <Skeleton h={160} radius="md" />
                    </Stack>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="changed">
          <ChangedSinceExport changes={changes} zone={zone} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ExportBatches batches={batches} zone={zone} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Replace existing files?" centered radius="md">
        <Stack gap="md">
          <Text size="sm">
            {preview && preview.conflicts.length === 1 ? 'This file is' : 'These files are'} already in the folder with other content. Replacing cannot be undone.
          </Text>
          <List size="sm" spacing={4}>
            {(preview?.conflicts ?? []).map((c) => (
              <List.Item key={c}>
                <Code fz="xs">{c}</Code>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red.9" onClick={() => void runExport(true)}>
              Replace and export
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
