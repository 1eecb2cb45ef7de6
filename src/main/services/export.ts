// Export to schedulers and calendars: resolves posts into export items (one per post and channel),
// leaves out what is not ready (with the reason), runs the pure exporters (src/shared/export),
// writes the files atomically, copies the media they refer to, and records each export as a batch.
//
// - Ready = approved (or exported before: re-exports include them again), no error finding for the
//   channel (network rules) or the post as a whole (DST gap, compliance), image URLs the format needs.
// - Images: a local `media/...` src becomes `<mediaBaseUrl>/media/...` and the file is copied to
//   `<outputDir>/media/...`, so publishing the output folder at the base URL makes the links work.
//   Without a base URL local images are left out of the row, with a warning.
// - Content hash (sha256) per post and channel of what goes out: text, images (src, alt), link, time.
//   Independent of format and base URL, so "changed since last export" means "edited".
// - Idempotent: the same posts with the same hashes, options and folder as the last batch re-render
//   with that batch's export time (byte-identical files), record nothing and change no status.
// - Files: temp file then rename; a file holding other content is replaced only with `overwrite`.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  DEFAULT_EXPORT_FOLDER,
  type ExportBatchSummary,
  type ExportChange,
  type ExportChangedPart,
  type ExportFilePreview,
  type ExportLeftOutRow,
  type ExportPreview,
  type ExportResult,
  type ExportRunInput,
  type ExportScope,
  type ExportWarningRow,
} from '../../shared/api/contract';
import { NETWORK_LABELS, STATUS_LABELS, type Channel, type Post, type PostIssue } from '../../shared/domain/schemas';
import { exportItems, type ExportFile, type ExportFormat, type ExportImage, type ExportItem, type JsonExportDocument } from '../../shared/export';
import { slugify, sortItems, wallClock } from '../../shared/export/common';
import { channelText, channelTime, trackedUrl } from '../../shared/posts';
import { addDaysLocal, zonedDayStartUtc } from '../../shared/time';
import type { Repositories } from '../db/repositories';
import type { ExportedParts } from '../db/repositories/exports';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { ServiceError } from './errors';
import { MEDIA_FOLDER, mediaPath } from './media';
import type { PostService } from './posts';
import type { WorkspaceService } from './workspace';

/** Formats whose rows carry image URLs (media is copied for them). */
const CARRIES_IMAGE_URLS = new Set<ExportFormat>(['buffer', 'sprout', 'publer', 'csv', 'json']);
/** Formats a scheduler imports: an image URL that would not resolve makes the row unusable. */
const NEEDS_WORKING_IMAGE_URLS = new Set<ExportFormat>(['buffer', 'sprout', 'publer']);
const NETWORKS_NEEDING_MEDIA = new Set<Channel['network']>(['instagram']);
const READY_STATUSES = new Set<Post['status']>(['approved', 'exported']);
const SAMPLE_ROWS = 5;
const HOOTSUITE_COLUMNS = ['Date and time', 'Message', 'Link'];

export interface ExportServiceOptions {
  /** Home folder for `~` (tests point it elsewhere). */
  homeDir?: string;
  /** The export moment (tests pin it). */
  now?: () => string;
}

type ExportedContent = Pick<Post, 'baseText' | 'channelTexts' | 'images' | 'link' | 'scheduledAt' | 'channelOffsets'>;

const exportedContent = (post: ExportedContent, channelId: string) => ({
  text: channelText(post, channelId),
  images: post.images.map((image) => ({ src: image.src, alt: image.alt })),
  link: post.link ? trackedUrl(post.link) : null,
  scheduledAt: channelTime(post, channelId),
});

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** sha256 of what goes out for one post on one channel. */
export function exportContentHash(post: ExportedContent, channelId: string): string {
  return sha256(exportedContent(post, channelId));
}

/** The same, part by part, so a later change can be named (a prefix of each hash is plenty). */
export function exportedParts(post: ExportedContent, channelId: string): ExportedParts {
  const content = exportedContent(post, channelId);
  return { text: sha256(content.text).slice(0, 16), images: sha256(content.images).slice(0, 16), link: sha256(content.link).slice(0, 16), time: content.scheduledAt };
}

/** Which parts differ between what went out and the post now. */
function changedParts(before: ExportedParts, now: ExportedParts): ExportChangedPart[] {
  return (['text', 'time', 'images', 'link'] as const).filter((part) => before[part] !== now[part]);
}

/** `media/a b.jpg` under `https://x/y/` -> `https://x/y/media/a%20b.jpg`. */
export function mediaUrl(baseUrl: string, src: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${src.split('/').map(encodeURIComponent).join('/')}`;
}

const isRemote = (src: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(src);

/**
 * Why a blocking finding keeps a post off every channel (or one channel). Whole-post errors
 * (a compliance finding, a time that does not exist) all block the same way; their code says which.
 */
function blockingReason(issue: PostIssue): { rule: string; reason: string } {
  if (issue.channelId !== null) return { rule: `network_rule.${issue.code}`, reason: `Breaks a network rule: ${issue.message}` };
  return { rule: `blocking_finding.${issue.code}`, reason: `Blocking finding: ${issue.message}` };
}

function statusReason(status: Post['status']): string {
  if (status === 'published') return 'Already published (status Published)';
  if (status === 'archived') return 'Archived';
  return `Not approved (status ${STATUS_LABELS[status]}); only approved posts are exported`;
}

function sameBytes(file: string, content: Buffer): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    return stat.size === content.length && fs.readFileSync(file).equals(content);
  } catch {
    return false;
  }
}

function sameFile(file: string, source: string): boolean {
  try {
    const a = fs.statSync(file);
    const b = fs.statSync(source);
    return a.isFile() && a.size === b.size && fs.readFileSync(file).equals(fs.readFileSync(source));
  } catch {
    return false;
  }
}

const errorCode = (error: unknown): string =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

interface MediaRef {
  src: string;
  source: string;
  target: string;
}

interface Plan {
  scope: ExportScope;
  zone: string;
  outputDir: string;
  now: string;
  files: ExportFile[];
  exportedItems: ExportItem[];
  /** the posts read for the export, by id (their parts are hashed when the batch is recorded) */
  postById: Map<string, Post>;
  leftOut: ExportLeftOutRow[];
  warnings: ExportWarningRow[];
  media: MediaRef[];
  missingMedia: Array<{ src: string; reason: string }>;
  conflicts: string[];
  sameAs: { id: string; createdAt: string } | null;
  optionsKey: Record<string, unknown>;
  /** Posts whose status moves from approved to exported. */
  toMarkExported: Post[];
}

export function createExportService(repos: Repositories, workspace: WorkspaceService, posts: PostService, access: Access, options: ExportServiceOptions = {}) {
  const homeDir = () => options.homeDir ?? os.homedir();
  const currentTime = options.now ?? nowIso;

  const resolveOutputDir = (raw: string | undefined): string => {
    const text = (raw ?? DEFAULT_EXPORT_FOLDER).trim();
    const expanded = text === '~' ? homeDir() : /^~[/\\]/.test(text) ? path.join(homeDir(), text.slice(2)) : text;
    if (!path.isAbsolute(expanded)) {
      throw new ServiceError('validation', `outputDir: "${text}" is not a full folder path; give one like ~/Storybank exports`, [
        { path: 'outputDir', message: 'use a full folder path (or one starting with ~)' },
      ]);
    }
    return path.resolve(expanded);
  };

  const checkScope = (scope: ExportScope, channels: Map<string, Channel>): void => {
    if (scope.to < scope.from) {
      throw new ServiceError('validation', `to: ${scope.to} is before from ${scope.from}`, [{ path: 'to', message: 'the range ends before it starts' }]);
    }
    scope.channelIds?.forEach((id, index) => {
      if (!channels.has(id)) {
        const at = `channelIds[${index}]`;
        throw new ServiceError('validation', `${at}: channel ${id} does not exist`, [{ path: at, message: `channel ${id} does not exist` }]);
      }
    });
  };

  const plan = (scope: ExportScope): Plan => {
    const zone = workspace.timezone();
    const info = workspace.get();
    const workspaceDir = path.dirname(info.path);
    const channels = new Map(repos.channels.list().map((c) => [c.id, c]));
    checkScope(scope, channels);
    const outputDir = resolveOutputDir(scope.outputDir);
    const categories = new Map(repos.categories.list().map((c) => [c.id, c]));
    const format = scope.format;
    const baseUrl = scope.mediaBaseUrl ?? null;
    const channelFilter = scope.channelIds?.length ? new Set(scope.channelIds) : null;
    const list = repos.posts.list({
      from: zonedDayStartUtc(scope.from, zone),
      to: zonedDayStartUtc(addDaysLocal(scope.to, 1), zone),
      ...(channelFilter ? { channelIds: [...channelFilter] } : {}),
    });

    const leftOut: ExportLeftOutRow[] = [];
    const warnings: ExportWarningRow[] = [];
    const items: ExportItem[] = [];
    const mediaBySrc = new Map<string, { ref: MediaRef | null; reason: string | null }>();
    const postById = new Map(list.map((p) => [p.id, p]));
    const channelName = (id: string | null, post?: Post) =>
      id ? (channels.get(id)?.name ?? id) : (post?.channelIds.map((c) => channels.get(c)?.name ?? c).join(', ') ?? '');
    const leave = (post: Post, channelId: string | null, rule: string, reason: string) =>
      leftOut.push({ postId: post.id, channelId, postTitle: post.title, channelName: channelName(channelId, post), scheduledAt: post.scheduledAt, rule, reason });
    const warn = (post: Post, channelId: string | null, rule: string, message: string) =>
      warnings.push({ postId: post.id, channelId, postTitle: post.title, channelName: channelName(channelId, post), rule, message });

    /** The local file behind a src, checked once per export. */
    const localMedia = (src: string) => {
      let entry = mediaBySrc.get(src);
      if (!entry) {
        const clean = mediaPath(src);
        if (!clean) {
          entry = { ref: null, reason: `not inside the workspace's ${MEDIA_FOLDER} folder` };
        } else {
          const source = path.join(workspaceDir, ...clean.split('/'));
          const exists = fs.existsSync(source) && fs.statSync(source).isFile();
          entry = exists
            ? { ref: { src: clean, source, target: path.join(outputDir, ...clean.split('/')) }, reason: null }
            : { ref: null, reason: `missing: no file ${source}` };
        }
        mediaBySrc.set(src, entry);
      }
      return entry;
    };

    for (const post of list) {
      if (!post.scheduledAt) continue;
      const channelIds = post.channelIds.filter((id) => channels.has(id) && (!channelFilter || channelFilter.has(id)));
      if (channelIds.length === 0) {
        leave(post, null, 'post.no_channels', 'No channel chosen');
        continue;
      }
      if (!READY_STATUSES.has(post.status)) {
        leave(post, null, `status.${post.status}`, statusReason(post.status));
        continue;
      }
      const postBlocking = post.issues.filter((i) => i.severity === 'error' && i.channelId === null);
      if (postBlocking.length > 0) {
        for (const issue of postBlocking) {
          const { rule, reason } = blockingReason(issue);
          leave(post, null, rule, reason);
        }
        continue;
      }
      for (const channelId of channelIds) {
        const channel = channels.get(channelId)!;
        const channelBlocking = post.issues.filter((i) => i.severity === 'error' && i.channelId === channelId);
        if (channelBlocking.length > 0) {
          for (const issue of channelBlocking) {
            const { rule, reason } = blockingReason(issue);
            leave(post, channelId, rule, reason);
          }
          continue;
        }
        const images: ExportImage[] = [];
        // Said only when the item goes out: a left-out item gets its reason, not warnings too.
        const itemWarnings: Array<[rule: string, message: string]> = [];
        let unusable: { rule: string; reason: string } | null = null;
        for (const [index, image] of post.images.entries()) {
          if (isRemote(image.src)) {
            images.push({ url: image.src, alt: image.alt });
            continue;
          }
          if (!CARRIES_IMAGE_URLS.has(format)) {
            // Hootsuite and calendars carry no image URLs; the exporter says so where it matters.
            images.push({ url: '', alt: image.alt });
            continue;
          }
          if (!baseUrl) {
            itemWarnings.push(['media.no_base_url', `Image ${index + 1} (${image.src}) is a local file and no media base URL was given: exported without it`]);
            continue;
          }
          const media = localMedia(image.src);
          if (!media.ref) {
            if (NEEDS_WORKING_IMAGE_URLS.has(format)) {
              unusable ??= { rule: 'media.missing_file', reason: `Image ${index + 1} (${image.src}) is ${media.reason}, so its URL would not work` };
            } else {
              itemWarnings.push(['media.missing_file', `Image ${index + 1} (${image.src}) is ${media.reason}; its URL will not work until the file is published`]);
            }
          }
          images.push({ url: mediaUrl(baseUrl, media.ref?.src ?? image.src), alt: image.alt });
        }
        if (!unusable && images.length === 0 && post.images.length > 0 && NEEDS_WORKING_IMAGE_URLS.has(format) && NETWORKS_NEEDING_MEDIA.has(channel.network)) {
          unusable = {
            rule: 'media.no_public_url',
            reason: `${NETWORK_LABELS[channel.network]} posts need an image with a public URL; give a media base URL to publish ${post.images.map((i) => i.src).join(', ')}`,
          };
        }
        if (unusable) {
          leave(post, channelId, unusable.rule, unusable.reason);
          continue;
        }
        for (const [rule, message] of itemWarnings) warn(post, channelId, rule, message);
        const category = post.categoryId ? categories.get(post.categoryId) : undefined;
        items.push({
          postId: post.id,
          channelId,
          channelName: channel.name,
          network: channel.network,
          timezone: channel.timezone ?? zone,
          scheduledAt: channelTime(post, channelId)!,
          title: post.title,
          text: channelText(post, channelId),
          images,
          link: post.link ? trackedUrl(post.link) : null,
          tags: category ? [category.name] : [],
          categoryName: category?.name ?? null,
          // The state the post is in once this export is done, so a re-export writes the same files.
          status: 'exported',
          contentHash: exportContentHash(post, channelId),
        });
      }
    }

    const now = currentTime();
    const baseName = `${slugify(info.name) || 'storybank'}-${scope.from}-to-${scope.to}`;
    const exporterOptions = { now, baseName, dateOrder: scope.dateOrder ?? 'mdy', workspaceName: info.name } as const;
    let output = exportItems(format, items, exporterOptions);
    const dropped = new Set(output.leftOut.map((l) => `${l.postId}|${l.channelId}`));
    const exportedItems = items.filter((item) => !dropped.has(`${item.postId}|${item.channelId}`));
    const kept = warnings.filter((w) => !dropped.has(`${w.postId}|${w.channelId}`));
    warnings.splice(0, warnings.length, ...kept);
    for (const l of output.leftOut) {
      const post = postById.get(l.postId)!;
      leave(post, l.channelId, l.rule, l.reason);
    }
    for (const w of output.warnings) warn(postById.get(w.postId)!, w.channelId, w.rule, w.message);

    const optionsKey = {
      from: scope.from,
      to: scope.to,
      channelIds: channelFilter ? [...channelFilter].sort() : null,
      dateOrder: scope.dateOrder ?? 'mdy',
      mediaBaseUrl: baseUrl,
      outputDir,
      timezone: zone,
    };
    const itemKey = (i: { postId: string; channelId: string; contentHash: string }) => `${i.postId}|${i.channelId}|${i.contentHash}`;
    const current = exportedItems.map(itemKey).sort();
    let sameAs: Plan['sameAs'] = null;
    const previous = repos.exports.listByFormat(format).find((b) => JSON.stringify(b.options) === JSON.stringify(optionsKey));
    if (previous && current.length > 0) {
      const before = repos.exports.items(previous.id).map(itemKey).sort();
      if (before.length === current.length && before.every((key, i) => key === current[i])) {
        sameAs = { id: previous.id, createdAt: previous.createdAt };
        // Same content as last time: write it as it was written then (DTSTAMP, SEQUENCE, exportedAt).
        output = exportItems(format, exportedItems, { ...exporterOptions, now: previous.createdAt });
      }
    }

    const media = new Map<string, MediaRef>();
    const missing = new Map<string, string>();
    if (baseUrl && CARRIES_IMAGE_URLS.has(format)) {
      const exportedPosts = new Set(exportedItems.map((i) => i.postId));
      for (const post of list) {
        if (!exportedPosts.has(post.id)) continue;
        for (const image of post.images) {
          if (isRemote(image.src)) continue;
          const entry = localMedia(image.src);
          if (entry.ref) media.set(entry.ref.src, entry.ref);
          else missing.set(image.src, entry.reason ?? 'missing');
        }
      }
    }
    // Media referenced by left-out posts is reported as missing too: it is what the user must fix.
    for (const [src, entry] of mediaBySrc) if (!entry.ref && !missing.has(src)) missing.set(src, entry.reason ?? 'missing');

    const conflicts: string[] = [];
    for (const file of output.files) {
      const target = path.join(outputDir, file.name);
      if (fs.existsSync(target) && !sameBytes(target, Buffer.from(file.content, 'utf8'))) conflicts.push(target);
    }
    for (const ref of media.values()) {
      if (fs.existsSync(ref.target) && !sameFile(ref.target, ref.source)) conflicts.push(ref.target);
    }

    const exportedPostIds = new Set(exportedItems.map((i) => i.postId));
    return {
      scope,
      zone,
      outputDir,
      now,
      files: output.files,
      exportedItems,
      postById,
      leftOut,
      warnings,
      media: [...media.values()],
      missingMedia: [...missing].map(([src, reason]) => ({ src, reason })),
      conflicts,
      sameAs,
      optionsKey,
      toMarkExported: list.filter((p) => exportedPostIds.has(p.id) && p.status === 'approved'),
    };
  };

  const filePreview = (file: ExportFile, format: ExportFormat, outputDir: string, conflicts: Set<string>, items: ExportItem[]): ExportFilePreview => {
    const target = path.join(outputDir, file.name);
    let columns: string[] = [];
    let sample: string[][] = [];
    if (format === 'json') {
      const document = JSON.parse(file.content) as JsonExportDocument;
      columns = ['Time (channel zone)', 'Channel', 'Title', 'Text'];
      sample = document.items.slice(0, SAMPLE_ROWS).map((i) => [wallClock(Date.parse(i.scheduledAt), i.timezone, 'yyyy-MM-dd HH:mm'), i.channelName, i.title, i.text]);
    } else if (format === 'ics') {
      columns = ['Start (channel zone)', 'Channel', 'Summary', 'Description'];
      sample = sortItems(items)
        .slice(0, SAMPLE_ROWS)
        .map((i) => [wallClock(Date.parse(i.scheduledAt), i.timezone, 'yyyy-MM-dd HH:mm'), i.channelName, i.title, i.text]);
    } else {
      // Read back from the file text itself, so the preview shows exactly what was written.
      const records = parseCsv(file.content, { bom: true, relax_column_count: true, to: SAMPLE_ROWS + 1 }) as string[][];
      if (format === 'hootsuite') {
        columns = HOOTSUITE_COLUMNS;
        sample = records.slice(0, SAMPLE_ROWS);
      } else {
        columns = records[0] ?? [];
        sample = records.slice(1, SAMPLE_ROWS + 1);
      }
    }
    return { name: file.name, path: target, rows: file.rows, channelId: file.channelId ?? null, conflict: conflicts.has(target), columns, sample };
  };

  const toPreview = (p: Plan): ExportPreview => {
    const conflicts = new Set(p.conflicts);
    return {
      format: p.scope.format,
      from: p.scope.from,
      to: p.scope.to,
      timezone: p.zone,
      outputDir: p.outputDir,
      files: p.files.map((file) =>
        filePreview(file, p.scope.format, p.outputDir, conflicts, file.channelId ? p.exportedItems.filter((i) => i.channelId === file.channelId) : p.exportedItems),
      ),
      leftOut: p.leftOut,
      warnings: p.warnings,
      exported: { posts: new Set(p.exportedItems.map((i) => i.postId)).size, items: p.exportedItems.length },
      media: { copy: p.media.map((m) => m.src), missing: p.missingMedia },
      conflicts: p.conflicts,
      sameAsBatchId: p.sameAs?.id ?? null,
    };
  };

  /** Writes every file and media copy to a temp file first, so a failure leaves the folder as it was. */
  const stageFiles = (p: Plan): Array<{ temp: string; target: string }> => {
    const staged: Array<{ temp: string; target: string }> = [];
    try {
      fs.mkdirSync(p.outputDir, { recursive: true });
      for (const file of p.files) {
        const target = path.join(p.outputDir, file.name);
        const content = Buffer.from(file.content, 'utf8');
        if (sameBytes(target, content)) continue;
        const temp = tempPathFor(target);
        staged.push({ temp, target });
        const fd = fs.openSync(temp, 'wx');
        try {
          fs.writeFileSync(fd, content);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      for (const ref of p.media) {
        if (sameFile(ref.target, ref.source)) continue;
        fs.mkdirSync(path.dirname(ref.target), { recursive: true });
        const temp = tempPathFor(ref.target);
        staged.push({ temp, target: ref.target });
        fs.copyFileSync(ref.source, temp, fs.constants.COPYFILE_EXCL);
      }
      return staged;
    } catch (error) {
      for (const s of staged) fs.rmSync(s.temp, { force: true });
      throw new ServiceError('validation', `outputDir: cannot write to ${p.outputDir} (${errorCode(error)}); nothing was exported`, [
        { path: 'outputDir', message: `cannot write there (${errorCode(error)})` },
      ]);
    }
  };

  return {
    resolveOutputDir,

    preview(scope: ExportScope): ExportPreview {
      return toPreview(plan(scope));
    },

    run(input: ExportRunInput): ExportResult {
      access.require('planner', 'export posts to schedulers');
      const { overwrite, ...scope } = input;
      const p = plan(scope);
      const preview = toPreview(p);
      if (p.exportedItems.length === 0) {
        throw new ServiceError(
          'conflict',
          `Nothing to export: no post from ${scope.from} to ${scope.to} is ready for ${scope.format} (${p.leftOut.length} left out); nothing was written.`,
        );
      }
      if (p.conflicts.length > 0 && !overwrite) {
        const names = p.conflicts.map((c) => path.relative(p.outputDir, c)).join(', ');
        throw new ServiceError(
          'conflict',
          `${p.conflicts.length === 1 ? 'A file' : `${p.conflicts.length} files`} in ${p.outputDir} already ${p.conflicts.length === 1 ? 'exists' : 'exist'} with other content (${names}); confirm to overwrite (CLI: --force). Nothing was written.`,
        );
      }
      const staged = stageFiles(p);
      const batchId = p.sameAs?.id ?? newId();
      try {
        repos.transaction(() => {
          if (!p.sameAs) {
            repos.exports.insert(
              {
                id: batchId,
                format: scope.format,
                options: p.optionsKey,
                files: p.files.map((f) => ({ name: f.name, path: path.join(p.outputDir, f.name), rows: f.rows })),
                createdAt: p.now,
              },
              p.exportedItems.map((i) => ({ postId: i.postId, channelId: i.channelId, contentHash: i.contentHash, parts: exportedParts(p.postById.get(i.postId)!, i.channelId) })),
            );
          }
          if (p.toMarkExported.length > 0) {
            posts.storeUnchanged(
              p.toMarkExported.map((post) => ({ ...post, status: 'exported' as const, updatedAt: p.now })),
              { kind: 'post.export', body: { exportBatchId: batchId, format: scope.format } },
            );
          }
          // Renames last: if one fails the transaction rolls back and the rest stay temp files (removed below).
          for (const s of staged) fs.renameSync(s.temp, s.target);
        });
      } catch (error) {
        for (const s of staged) fs.rmSync(s.temp, { force: true });
        if (error instanceof ServiceError) throw error;
        throw new ServiceError('validation', `outputDir: cannot write to ${p.outputDir} (${errorCode(error)}); nothing was recorded`, [
          { path: 'outputDir', message: `cannot write there (${errorCode(error)})` },
        ]);
      }
      return {
        ...preview,
        conflicts: [],
        files: preview.files.map((f) => ({ ...f, conflict: false })),
        batchId,
        recorded: !p.sameAs,
        statusChanged: p.toMarkExported.length,
        written: [...p.files.map((f) => path.join(p.outputDir, f.name)), ...p.media.map((m) => m.target)],
      };
    },

    batches(): ExportBatchSummary[] {
      return repos.exports.list().map((b) => ({
        id: b.id,
        format: b.format as ExportFormat,
        createdAt: b.createdAt,
        options: b.options,
        files: b.files,
        items: b.items,
        posts: b.posts,
      }));
    },

    /** Posts whose content differs from what their latest export sent out. */
    changed(): ExportChange[] {
      const channels = new Map(repos.channels.list().map((c) => [c.id, c.name]));
      const changes: ExportChange[] = [];
      const postsById = new Map<string, Post | null>();
      for (const last of repos.exports.lastExports()) {
        if (!postsById.has(last.postId)) postsById.set(last.postId, repos.posts.get(last.postId));
        const post = postsById.get(last.postId) ?? null;
        let change: ExportChange['change'] | null = null;
        if (!post) change = 'deleted';
        else if (!post.channelIds.includes(last.channelId)) change = 'channel_removed';
        else if (!post.scheduledAt) change = 'unscheduled';
        else if (exportContentHash(post, last.channelId) !== last.contentHash) change = 'edited';
        if (!change) continue;
        const parts = change === 'edited' && post && last.parts ? changedParts(last.parts, exportedParts(post, last.channelId)) : undefined;
        changes.push({
          postId: last.postId,
          title: post?.title ?? '(deleted post)',
          channelId: last.channelId,
          channelName: channels.get(last.channelId) ?? '(deleted channel)',
          status: post?.status ?? null,
          batchId: last.batchId,
          format: last.format as ExportFormat,
          exportedAt: last.exportedAt,
          change,
          ...(parts ? { parts, exportedTime: last.parts!.time } : {}),
        });
      }
      return changes;
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
