// What the export form holds (format, dates, channels, date order, media address, folder), its
// checks before anything is asked of the service, and the scope a preview or export sends.
import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_EXPORT_FOLDER, type ExportBatchSummary, type ExportScope } from '../../../shared/api/contract';
import { LocalDate } from '../../../shared/domain/schemas';
import type { ExportFormat } from '../../../shared/export/types';
import { addDaysLocal } from '../../../shared/time';
import { fieldErrorsOf } from '../../app/errors';
import { FORMAT_INFO } from './labels';

const FIELDS = ['from', 'to', 'mediaBaseUrl', 'outputDir', 'channelIds'] as const;
export type FieldErrors = Partial<Record<(typeof FIELDS)[number], string>>;
export type DateOrder = 'mdy' | 'dmy';

export interface ExportOptions {
  format: ExportFormat;
  from: string;
  to: string;
  channelIds: string[];
  dateOrder: DateOrder;
  mediaBaseUrl: string;
  outputDir: string;
}

function checkFields({ from, to, mediaBaseUrl, outputDir }: ExportOptions): FieldErrors {
  const errors: FieldErrors = {};
  if (!LocalDate.safeParse(from).success) errors.from = 'Choose the first day';
  if (!LocalDate.safeParse(to).success) errors.to = 'Choose the last day';
  else if (!errors.from && to < from) errors.to = 'Ends before it starts';
  if (mediaBaseUrl.trim() && !/^https:\/\/[^\s/]+/.test(mediaBaseUrl.trim())) errors.mediaBaseUrl = 'Use a public https:// address';
  if (!outputDir.trim()) errors.outputDir = 'Choose a folder';
  return errors;
}

/** Field errors from the service (validation issues name the field). */
export const exportFieldErrorsOf = (error: unknown): FieldErrors => fieldErrorsOf(error, FIELDS);

export function useExportOptions(today: string) {
  const [options, setOptions] = useState<ExportOptions>(() => ({
    format: 'buffer',
    from: today,
    to: addDaysLocal(today, 30),
    channelIds: [],
    dateOrder: 'mdy',
    mediaBaseUrl: '',
    outputDir: DEFAULT_EXPORT_FOLDER,
  }));
  const set = useCallback(<K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => setOptions((o) => ({ ...o, [key]: value })), []);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const localErrors = checkFields(options);
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const valid = Object.keys(localErrors).length === 0;
  const { format, from, to, channelIds, dateOrder, mediaBaseUrl, outputDir } = options;
  const asksDateOrder = FORMAT_INFO[format].asksDateOrder;
  const scope = useMemo<ExportScope | null>(
    () =>
      valid
        ? {
            format,
            from,
            to,
            ...(channelIds.length ? { channelIds } : {}),
            ...(asksDateOrder ? { dateOrder } : {}),
            mediaBaseUrl: mediaBaseUrl.trim() || null,
            outputDir: outputDir.trim(),
          }
        : null,
    [valid, format, from, to, channelIds, asksDateOrder, dateOrder, mediaBaseUrl, outputDir],
  );

  // The workspace remembers where it last exported (its own export history, so the folder follows
  // the workspace to another machine): format, folder, media address and date order start there,
  // once, before the user changes anything.
  const remembered = useRef(false);
  const rememberLastExport = useCallback((last: ExportBatchSummary | undefined) => {
    if (remembered.current) return;
    remembered.current = true;
    if (!last) return;
    const saved = last.options as { outputDir?: unknown; mediaBaseUrl?: unknown; dateOrder?: unknown };
    setOptions((o) => ({
      ...o,
      format: last.format,
      ...(typeof saved.outputDir === 'string' ? { outputDir: saved.outputDir } : {}),
      ...(typeof saved.mediaBaseUrl === 'string' ? { mediaBaseUrl: saved.mediaBaseUrl } : {}),
      ...(saved.dateOrder === 'mdy' || saved.dateOrder === 'dmy' ? { dateOrder: saved.dateOrder } : {}),
    }));
  }, []);

  return { options, set, errors, setServerErrors, scope, rememberLastExport };
}
