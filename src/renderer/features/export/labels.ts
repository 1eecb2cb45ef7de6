// Words and colours the Export page uses for formats and for the reasons posts are left out.
import type { ExportFormat } from '../../../shared/export/types';

export interface FormatInfo {
  label: string;
  kind: string;
  description: string;
  /** The target's importer asks whether dates are day-first or month-first. */
  asksDateOrder: boolean;
  /** Rows carry image URLs (a media base URL matters). */
  carriesImages: boolean;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  buffer: { label: 'Buffer', kind: 'Scheduler', description: 'One CSV per channel, up to 100 rows each', asksDateOrder: false, carriesImages: true },
  hootsuite: { label: 'Hootsuite', kind: 'Scheduler', description: 'Bulk Composer CSV per channel, 5-minute slots', asksDateOrder: true, carriesImages: false },
  sprout: { label: 'Sprout Social', kind: 'Scheduler', description: 'Bulk scheduling CSV per channel', asksDateOrder: true, carriesImages: true },
  publer: { label: 'Publer', kind: 'Scheduler', description: 'Publer’s 12-column CSV per channel', asksDateOrder: false, carriesImages: true },
  csv: { label: 'Spreadsheet', kind: 'CSV', description: 'Every field, for Excel and audits', asksDateOrder: false, carriesImages: true },
  ics: { label: 'Calendar', kind: 'iCalendar', description: 'Outlook and Google Calendar events', asksDateOrder: false, carriesImages: false },
  json: { label: 'JSON', kind: 'Data', description: 'Full fidelity, for other tools', asksDateOrder: false, carriesImages: true },
};

export interface RuleGroup {
  label: string;
  color: string;
}

/** Groups a left-out rule id (`status.draft`, `media.missing_file`, `hootsuite.slot_taken`) for display. */
export function ruleGroup(rule: string): RuleGroup {
  const prefix = rule.split('.')[0];
  switch (prefix) {
    case 'status':
      return { label: 'Not approved', color: 'gray' };
    case 'network_rule':
      return { label: 'Network rule', color: 'red' };
    case 'media':
      return { label: 'Image', color: 'orange' };
    case 'blocking_finding':
      return { label: 'Blocking finding', color: 'red' };
    case 'post':
      return { label: 'No channel', color: 'gray' };
    default:
      return { label: 'Scheduler rule', color: 'blue' };
  }
}


