// Helpers shared by the exporters: wall-clock conversion, ordering, grouping per channel,
// CSV writing (through csv-stringify, never by hand) and the "is this post ready" checks.
import { TZDate, tzScan } from '@date-fns/tz';
// The browser build of csv-stringify bundles its own Buffer shim, so src/shared stays platform-free
// (the Node build touches the global Buffer at import time, which a sandboxed renderer lacks).
import { stringify } from 'csv-stringify/browser/esm/sync';
import { NETWORK_LABELS } from '../domain/schemas';
import type { ExportItem, ExportOutput, ExportWarning, LeftOutItem } from './types';

export const MINUTE_MS = 60_000;

type WallClockToken = 'yyyy' | 'MM' | 'dd' | 'HH' | 'mm' | 'ss';
const compiledPatterns = new Map<string, (string | WallClockToken)[]>();

function compilePattern(pattern: string): (string | WallClockToken)[] {
  let parts = compiledPatterns.get(pattern);
  if (!parts) {
    parts = pattern.split(/(yyyy|MM|dd|HH|mm|ss)/).filter((p) => p !== '') as (string | WallClockToken)[];
    compiledPatterns.set(pattern, parts);
  }
  return parts;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Wall-clock text of a UTC instant in an IANA zone, for the fixed numeric patterns the targets
 * use (tokens yyyy MM dd HH mm ss, date-fns spelling). The zone arithmetic is @date-fns/tz's
 * TZDate; the digits are read from its getters, because date-fns `format` costs ~20 µs a call
 * and an export of 10,000 rows must stay well under half a second.
 */
export function wallClock(instantMs: number, timeZone: string, pattern: string): string {
  const date = new TZDate(instantMs, timeZone);
  let out = '';
  for (const part of compilePattern(pattern)) {
    switch (part) {
      case 'yyyy':
        out += String(date.getFullYear()).padStart(4, '0');
        break;
      case 'MM':
        out += pad2(date.getMonth() + 1);
        break;
      case 'dd':
        out += pad2(date.getDate());
        break;
      case 'HH':
        out += pad2(date.getHours());
        break;
      case 'mm':
        out += pad2(date.getMinutes());
        break;
      case 'ss':
        out += pad2(date.getSeconds());
        break;
      default:
        out += part;
    }
  }
  return out;
}

/** Deterministic order for every format: time, then channel, then post. */
export function sortItems(items: readonly ExportItem[]): ExportItem[] {
  const keyed = items.map((item) => ({ item, at: Date.parse(item.scheduledAt) }));
  keyed.sort(
    (a, b) =>
      a.at - b.at ||
      compareText(a.item.channelName, b.item.channelName) ||
      compareText(a.item.channelId, b.item.channelId) ||
      compareText(a.item.postId, b.item.postId),
  );
  return keyed.map((k) => k.item);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File-name friendly channel name: ASCII letters and digits joined by '-'. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

export interface ChannelGroup {
  channelId: string;
  channelName: string;
  /** Unique among the groups of one export. */
  slug: string;
  items: ExportItem[];
}

/**
 * One group per channel (in order of first appearance in the already sorted items).
 * Slugs fall back to the channel id when the name has no ASCII letters (e.g. Chinese names)
 * and get an id suffix when two channels share a name, so file names never collide.
 */
export function groupByChannel(sorted: readonly ExportItem[]): ChannelGroup[] {
  const groups = new Map<string, ChannelGroup>();
  for (const item of sorted) {
    let group = groups.get(item.channelId);
    if (!group) {
      group = { channelId: item.channelId, channelName: item.channelName, slug: '', items: [] };
      groups.set(item.channelId, group);
    }
    group.items.push(item);
  }
  const list = [...groups.values()];
  const idPart = (id: string) => slugify(id).slice(0, 8) || 'channel';
  const bySlug = new Map<string, number>();
  for (const group of list) {
    const base = slugify(group.channelName);
    group.slug = base || `channel-${idPart(group.channelId)}`;
    bySlug.set(group.slug, (bySlug.get(group.slug) ?? 0) + 1);
  }
  for (const group of list) {
    if ((bySlug.get(group.slug) ?? 0) > 1) group.slug = `${group.slug}-${idPart(group.channelId)}`;
  }
  return list;
}

/** Splits rows into chunks of at most `size`. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface CsvOptions {
  /** Header row; omitted for header-less formats (Hootsuite). */
  header?: readonly string[];
  /** Prefix a UTF-8 byte-order mark (only where the target opens in Excel; see each format). */
  bom?: boolean;
  /** Prefix cells that start with = + - @ with ' so spreadsheets do not run them as formulas. */
  escapeFormulas?: boolean;
}

/**
 * Writes CSV with csv-stringify: RFC 4180 CRLF record ends, and any cell holding a line break is
 * quoted too (csv-stringify only quotes the record delimiter itself, and a bare LF inside an
 * unquoted cell would split the row in Excel and most importers).
 */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const records = options.header ? [options.header, ...rows] : rows;
  return stringify(records as string[][], {
    bom: options.bom === true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    escape_formulas: options.escapeFormulas === true,
  });
}

/** Collects left-out posts and warnings while a format is being written. */
export class ExportLog {
  readonly leftOut: LeftOutItem[] = [];
  readonly warnings: ExportWarning[] = [];

  leaveOut(item: ExportItem, rule: string, reason: string): void {
    this.leftOut.push({ postId: item.postId, channelId: item.channelId, rule, reason });
  }

  warn(item: ExportItem, rule: string, message: string): void {
    this.warnings.push({ postId: item.postId, channelId: item.channelId, rule, message });
  }

  output(files: ExportOutput['files']): ExportOutput {
    return { files, leftOut: this.leftOut, warnings: this.warnings };
  }
}

/** Statuses a scheduler import may carry: approved, or already exported once (re-export). */
const SCHEDULABLE_STATUSES = new Set<ExportItem['status']>(['approved', 'exported']);

/** Scheduler imports carry approved posts only (status rule shared by Buffer, Hootsuite, Sprout, Publer). */
export function isApproved(item: ExportItem, target: string, log: ExportLog): boolean {
  if (SCHEDULABLE_STATUSES.has(item.status)) return true;
  log.leaveOut(
    item,
    `${target.toLowerCase()}.not_approved`,
    `${target}: only approved posts are exported (status is "${item.status}", field status)`,
  );
  return false;
}

/**
 * Time rule shared by the scheduler formats: the (possibly rounded) time `atMs` must lie in the
 * future, and at least `leadMinutes` after the export where the target demands a lead time.
 */
export function isFarEnoughAhead(
  item: ExportItem,
  atMs: number,
  target: string,
  nowMs: number,
  leadMinutes: number,
  log: ExportLog,
): boolean {
  if (atMs > nowMs && atMs >= nowMs + leadMinutes * MINUTE_MS) return true;
  const when = new Date(atMs).toISOString();
  if (leadMinutes > 0) {
    log.leaveOut(
      item,
      `${target.toLowerCase()}.too_soon`,
      `${target}: scheduled time ${when} must be at least ${leadMinutes} minutes after the export (${new Date(nowMs).toISOString()}) (field scheduledAt)`,
    );
  } else {
    log.leaveOut(item, `${target.toLowerCase()}.in_past`, `${target}: scheduled time ${when} is not in the future (field scheduledAt)`);
  }
  return false;
}

/** Minute-resolution formats drop seconds: said, never silent. */
export function warnIfSecondsDropped(item: ExportItem, atMs: number, target: string, log: ExportLog): void {
  if (atMs % MINUTE_MS !== 0) {
    log.warn(item, `${target.toLowerCase()}.seconds_dropped`, `${target}: times are written to the minute; the seconds of ${item.scheduledAt} are dropped`);
  }
}

/**
 * Image rule of the formats that take image URLs (Buffer, Sprout, Publer): every image needs a
 * public https URL, and at most `maxImages` fit one row. Images are never dropped silently.
 */
export function hasPublicImages(item: ExportItem, target: string, maxImages: number, log: ExportLog): boolean {
  const rulePrefix = target.toLowerCase();
  if (item.images.length === 0 && NETWORKS_NEEDING_MEDIA.has(item.network)) {
    log.leaveOut(item, `${rulePrefix}.image_required`, `${target}: ${NETWORK_LABELS[item.network]} posts need an image; this post has none (field images)`);
    return false;
  }
  if (item.images.length > maxImages) {
    log.leaveOut(
      item,
      `${rulePrefix}.too_many_images`,
      `${target}: takes at most ${maxImages} image${maxImages === 1 ? '' : 's'} per post; this post has ${item.images.length} (field images)`,
    );
    return false;
  }
  for (const [index, image] of item.images.entries()) {
    if (!isPublicHttpsUrl(image.url)) {
      const what = image.url === '' ? 'is not published (no public URL yet)' : `is not a public https URL (${image.url})`;
      log.leaveOut(item, `${rulePrefix}.image_not_public`, `${target}: image ${index + 1} ${what} (field images[${index}].url)`);
      return false;
    }
  }
  return true;
}

/** Networks that reject a post without media. */
export const NETWORKS_NEEDING_MEDIA = new Set<ExportItem['network']>(['instagram']);

export function isPublicHttpsUrl(url: string): boolean {
  if (!url.startsWith('https://')) return false;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname;
    // Addresses only this machine or this office can reach are not public.
    return !(host === 'localhost' || host.endsWith('.local') || /^(127\.|10\.|192\.168\.|0\.)/.test(host) || host === '[::1]');
  } catch {
    return false;
  }
}

/**
 * Finds the instants whose wall clock occurs twice in the zone (the hour repeated when clocks go
 * back). A TZID time cannot say which of the two is meant (RFC 5545 picks the first, ical.js and
 * some clients the second), and a wall-clock-only scheduler file cannot either. The zone's changes
 * over the export's span are scanned once (tzScan), instead of probing offsets for every item.
 */
export function repeatedWallClockCheck(timeZone: string, fromMs: number, toMs: number): (atMs: number) => boolean {
  const windows = tzScan(timeZone, { start: new Date(fromMs - 24 * 60 * MINUTE_MS), end: new Date(toMs + 24 * 60 * MINUTE_MS) })
    .filter((change) => change.change < 0)
    .map((change) => {
      // Clocks go back by |change| minutes: instants that close to the change on either side share wall clocks.
      const width = -change.change * MINUTE_MS;
      return { from: change.date.getTime() - width, to: change.date.getTime() + width };
    });
  return (atMs) => windows.some((w) => atMs >= w.from && atMs < w.to);
}

/**
 * Rule of the scheduler files that write the channel's wall clock with no offset (Buffer,
 * Hootsuite, Sprout, Publer): a time in the repeated hour names two instants, so the row is left
 * out with the reason until the post is moved out of that hour (the editor flags it too).
 */
export function repeatedHourRule(items: readonly ExportItem[], target: string, log: ExportLog): (item: ExportItem, atMs: number) => boolean {
  const spans = new Map<string, { from: number; to: number }>();
  for (const item of items) {
    const at = Date.parse(item.scheduledAt);
    const span = spans.get(item.timezone);
    if (span) {
      span.from = Math.min(span.from, at);
      span.to = Math.max(span.to, at);
    } else spans.set(item.timezone, { from: at, to: at });
  }
  const checks = new Map([...spans].map(([zone, span]) => [zone, repeatedWallClockCheck(zone, span.from, span.to)]));
  return (item, atMs) => {
    if (!checks.get(item.timezone)?.(atMs)) return true;
    const when = wallClock(atMs, item.timezone, 'yyyy-MM-dd HH:mm');
    log.leaveOut(
      item,
      `${target.toLowerCase()}.ambiguous_local_time`,
      `${target}: ${when} happens twice in ${item.timezone} (clocks go back) and the file has no UTC offset, so ${target} could post it an hour off or clash with the other ${when}; move the post out of that hour (field scheduledAt)`,
    );
    return false;
  };
}

/**
 * The tags cell of the comma-separated tag columns (Buffer, Sprout, Publer): a comma inside a tag
 * (a category named "People, places") would split it in two, so it becomes a space, and the
 * export says so.
 */
export function tagsCell(item: ExportItem, target: string, log: ExportLog): string {
  return item.tags
    .map((tag) => {
      if (!tag.includes(',')) return tag;
      const clean = tag.replace(/\s*,\s*/g, ' ').trim();
      log.warn(item, `${target.toLowerCase()}.tag_comma`, `${target}: the tag "${tag}" has a comma, which ${target} reads as two tags; written as "${clean}" (field tags)`);
      return clean;
    })
    .join(',');
}
