// Importing story ideas: .storyidea files from the story form, and Microsoft Forms or Google
// Forms exports (CSV, XLSX) through a column-mapping step with a preview and a dry run.
import { Alert, Badge, Button, FileButton, Group, List, Modal, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ColumnMapping, FormPreview, ImportReport } from '../../../shared/api/ideas';
import { FORM_FIELDS, FORM_FIELD_LABELS, REQUIRED_FORM_FIELDS } from '../../../shared/intake/mapping';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { uploadOf } from '../../components/Thumbnail';

const isForm = (name: string) => /\.(csv|tsv|txt|xlsx)$/i.test(name);
const where = (item: { file: string; row: number | null }) => `${item.file}${item.row !== null ? `, row ${item.row}` : ''}`;

export function ImportDialog({ initialFiles, onClose, onImported }: { initialFiles: File[]; onClose: () => void; onImported: () => void }) {
  const [files, setFiles] = useState<File[]>(initialFiles);
  const [preview, setPreview] = useState<FormPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const form = files.find((f) => isForm(f.name));

  useEffect(() => {
    setPreview(null);
    setMapping(null);
    setReport(null);
    if (!form) return;
    let live = true;
    void (async () => {
      try {
        const result = await call('ideas.previewForm', { file: await uploadOf(form) });
        if (!live) return;
        setPreview(result);
        setMapping(result.mapping);
      } catch (error) {
        if (live) showError(error, `Could not read ${form.name}`);
      }
    })();
    return () => {
      live = false;
    };
  }, [form]);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const uploads = await Promise.all(files.map(uploadOf));
      const result = await call('ideas.import', { files: uploads, dryRun, ...(mapping ? { mapping } : {}) });
      setReport(result);
      if (!dryRun) onImported();
    } catch (error) {
      showError(error, 'Could not import');
    } finally {
      setBusy(false);
    }
  };
  const missing = mapping ? REQUIRED_FORM_FIELDS.filter((f) => !mapping[f]) : [];

  return (
    <Modal opened onClose={onClose} title="Import story ideas" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          Import <b>.storyidea</b> files saved with the story form, or the responses of a Microsoft Forms or Google Forms form exported as CSV or Excel (XLSX).
        </Text>
        <Group>
          <FileButton multiple accept=".storyidea,.json,.csv,.tsv,.txt,.xlsx" onChange={(picked) => picked.length && setFiles(picked)}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                Choose files
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {files.length ? files.map((f) => f.name).join(', ') : 'No files chosen (you can also drop them on the Ideas page).'}
          </Text>
        </Group>

        {preview && mapping && (
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                Columns of {preview.file} ({preview.rows} answers)
              </Text>
              {preview.remembered && <Badge variant="light" color="teal">Mapping remembered from the last import of this form</Badge>}
            </Group>
            {preview.ignored.length > 0 && (
              <Text size="xs" c="dimmed" mb="xs">
                Left out (the form tool's own columns): {preview.ignored.join(', ')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs">
              {FORM_FIELDS.map((field) => (
                <Select
                  key={field}
                  size="xs"
                  label={`${FORM_FIELD_LABELS[field]}${REQUIRED_FORM_FIELDS.includes(field) ? ' (required)' : ''}`}
                  placeholder="Not in this form"
                  data={preview.headers.filter((h) => h.trim() !== '')}
                  value={mapping[field] ?? null}
                  clearable
                  error={REQUIRED_FORM_FIELDS.includes(field) && !mapping[field] ? 'Choose the column' : undefined}
                  onChange={(header) => {
                    setMapping({ ...mapping, [field]: header });
                    setReport(null);
                  }}
                />
              ))}
            </SimpleGrid>
            <ScrollArea mt="sm" type="auto" viewportProps={{ tabIndex: 0, "aria-label": "First answers of the form" }}>
              <Table striped withTableBorder fz="xs" aria-label="First answers">
                <Table.Thead>
                  <Table.Tr>
                    {preview.headers.map((h, i) => (
                      <Table.Th key={i}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row, r) => (
                    <Table.Tr key={r}>
                      {row.map((cell, c) => (
                        <Table.Td key={c} style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                          {cell}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
        )}

        {report && (
          <Alert color={report.rejected.length ? 'orange' : 'teal'} title={report.dryRun ? 'Dry run: nothing was imported yet' : 'Import finished'} role="status">
            <Text size="sm">
              {report.dryRun ? 'Would import' : 'Imported'} {report.imported.length}, {report.duplicates.length} already in the workspace (skipped), {report.rejected.length} rejected.
            </Text>
            {report.rejected.length > 0 && (
              <List size="sm" mt={4}>
                {report.rejected.slice(0, 50).map((r, i) => (
                  <List.Item key={i}>
                    {where(r)}: {r.reason}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {report && !report.dryRun ? 'Close' : 'Cancel'}
          </Button>
          <Button variant="default" disabled={!files.length || busy || missing.length > 0} onClick={() => void run(true)}>
            Dry run
          </Button>
          <Button leftSection={<IconFileImport size={16} />} loading={busy} disabled={!files.length || missing.length > 0 || (report !== null && !report.dryRun)} onClick={() => void run(false)}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
