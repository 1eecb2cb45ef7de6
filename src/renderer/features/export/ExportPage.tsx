// The Export page: pick a format, channels, a date range and where the files go; review the first
// rows of each file and what is left out (and why); then write the files. Existing files with other
// content are only replaced after a confirm step. Tabs show posts changed since export and history.
import { Alert, Badge, Button, Code, Grid, Group, List, Loader, Modal, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileExport, IconHistory, IconPencil } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExportBatchSummary, ExportChange, ExportPreview, ExportResult, ExportScope } from '../../../shared/api/contract';
import { utcToZonedWallTime } from '../../../shared/time';
import { plural } from '../../../shared/words';
import { ApiFailure, call } from '../../api/client';
import { showError } from '../../app/errors';
import { useJob } from '../../app/jobs';
import { isSuperseded, useLatest } from '../../app/latest';
import { useWorkspace } from '../../app/workspace';
import { ChangedSinceExport, ExportBatches } from './ExportHistory';
import { ExportFormatPicker, ExportOptionsForm } from './ExportOptionsForm';
import { ExportPreviewPanel } from './ExportPreviewPanel';
import { exportFieldErrorsOf, useExportOptions } from './useExportOptions';
import './export.css';

export function ExportPage() {
  const { info, channels } = useWorkspace();
  const zone = info.timezone;
  const today = useMemo(() => utcToZonedWallTime(new Date().toISOString(), zone).date, [zone]);
  const [tab, setTab] = useState<'new' | 'changed' | 'history'>('new');
  const { options, set, errors, setServerErrors, scope, rememberLastExport } = useExportOptions(today);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [running, setRunning] = useState(false);
  const job = useJob();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [changes, setChanges] = useState<ExportChange[] | null>(null);
  const [batches, setBatches] = useState<ExportBatchSummary[] | null>(null);

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
      setServerErrors(exportFieldErrorsOf(error));
      setPreviewError(error instanceof Error ? error.message : String(error));
      setLoading(false);
    }
  }, [latestPreview]);

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
            <ExportFormatPicker format={options.format} onFormat={(format) => set('format', format)} />

            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <ExportOptionsForm
                  options={options}
                  set={set}
                  errors={errors}
                  zone={zone}
                  channels={channels}
                  exportLabel={preview && preview.files.length > 0 ? `Export ${plural(preview.files.length, 'file')}` : 'Export files'}
                  canExport={canExport}
                  running={running}
                  stoppable={Boolean(job.progress)}
                  onStop={() => void job.cancel()}
                  onExport={onExport}
                />
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
