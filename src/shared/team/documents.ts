// A team workspace's documents: one CouchDB document per Storybank record, `<type>:<id>`. The
// shapes are what the server's rules read (design.ts), so they are built here, in one place, for
// the client and for the tests that forge writes.
import { z } from 'zod';
import { Idea } from '../domain/ideas';
import { BlackoutPeriod, Category, Channel, Post, Series } from '../domain/schemas';

export const TEAM_DOC_TYPES = ['post', 'idea', 'channel', 'category', 'blackout', 'series', 'setting', 'media', 'profile', 'audit'] as const;

/**
 * Settings the whole team shares (the bank's name and zone, observances, compliance rules, review
 * and intake settings). The rest stays on each machine: its backups, its inbox folder, the head
 * of its own audit chain.
 */
export const SHARED_SETTINGS = ['workspace.name', 'workspace.timezone', 'calendar.observances', 'compliance.settings', 'review.fourEyes', 'audit.retentionYears', 'intake.form', 'intake.formMappings'] as const;
/** Shared settings only an admin may change (the server checks it too). */
export const ADMIN_SETTINGS = ['compliance.settings', 'review.fourEyes', 'audit.retentionYears', 'workspace.name', 'workspace.timezone'] as const;

export const SharedSetting = z.object({ id: z.enum(SHARED_SETTINGS), value: z.string().max(5_000_000), revision: z.number().int().default(1) });
export type SharedSetting = z.infer<typeof SharedSetting>;
export type TeamDocType = (typeof TEAM_DOC_TYPES)[number];

/** The records that travel as documents, by type; `audit` and `profile` follow with the audit work. */
export interface TeamRecords {
  post: Post;
  idea: Idea;
  channel: Channel;
  category: Category;
  blackout: BlackoutPeriod;
  series: Series;
  setting: SharedSetting;
}
export type SyncedType = keyof TeamRecords;
/** In the order a first sync sends and applies them: what others refer to comes first. */
export const SYNCED_TYPES: readonly SyncedType[] = ['setting', 'channel', 'category', 'series', 'blackout', 'idea', 'post'];

export const docId = (type: TeamDocType, id: string): string => `${type}:${id}`;
export function parseDocId(id: string): { type: TeamDocType; id: string } | null {
  const at = id.indexOf(':');
  if (at < 1) return null;
  const type = id.slice(0, at) as TeamDocType;
  return TEAM_DOC_TYPES.includes(type) ? { type, id: id.slice(at + 1) } : null;
}

/**
 * What approval covers, in the shape the server compares: texts per channel, media, link, time.
 * (The same fields as the post's content hash.)
 */
export function postContent(post: Pick<Post, 'baseText' | 'channelTexts' | 'channelIds' | 'channelOffsets' | 'images' | 'link' | 'scheduledAt'>) {
  return {
    baseText: post.baseText,
    channels: [...post.channelIds].sort().map((id) => ({ id, text: post.channelTexts[id] ?? null, offset: post.channelOffsets[id] ?? 0 })),
    images: post.images.map((image) => ({ src: image.src, alt: image.alt, people: image.people ?? [] })),
    link: post.link,
    scheduledAt: post.scheduledAt,
  };
}

export interface TeamDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  type: TeamDocType;
  /** The CouchDB user who wrote this revision: the server refuses any other name. */
  updatedBy: string;
  /** For ideas: the user who sent it (a contributor may only edit their own). */
  owner?: string;
  data?: Record<string, unknown>;
  /** audit entries: who wrote it, and what */
  [field: string]: unknown;
}

/** The document body of a record; local revision counters and derived checks stay local. */
export function recordToDoc<T extends SyncedType>(type: T, record: TeamRecords[T], user: string, owner?: string): TeamDoc {
  const { revision: _revision, ...rest } = record as TeamRecords[T] & { revision: number };
  let data: Record<string, unknown> = rest;
  if (type === 'post') {
    const { issues: _issues, baseText: _b, channelTexts: _t, channelOffsets: _o, images: _i, link: _l, scheduledAt: _s, ...meta } = rest as unknown as Omit<Post, 'revision'>;
    data = { ...meta, content: postContent(record as Post) };
  }
  return { _id: docId(type, record.id), type, updatedBy: user, ...(type === 'idea' ? { owner: owner ?? user } : {}), data };
}

const PostDocData = z
  .object({
    content: z.object({
      baseText: z.string(),
      channels: z.array(z.object({ id: z.string(), text: z.string().nullable(), offset: z.number() })),
      images: z.array(z.object({ src: z.string(), alt: z.string(), people: z.array(z.string()) })),
      link: z.unknown(),
      scheduledAt: z.string().nullable(),
    }),
  })
  .passthrough();

/** The record a document carries, checked against Storybank's own schemas (a bad document never reaches SQLite). */
export function docToRecord(doc: TeamDoc): { type: SyncedType; record: TeamRecords[SyncedType] } | { error: string } {
  const parsed = parseDocId(doc._id);
  if (!parsed || !(SYNCED_TYPES as readonly string[]).includes(parsed.type) || doc.type !== parsed.type) return { error: `${doc._id}: not a Storybank record` };
  const type = parsed.type as SyncedType;
  let data: unknown = { ...doc.data, revision: 1 };
  if (type === 'post') {
    const post = PostDocData.safeParse(doc.data);
    if (!post.success) return { error: `${doc._id}: ${post.error.issues[0]?.message ?? 'not a post'}` };
    const { content, ...meta } = post.data;
    data = {
      ...meta,
      revision: 1,
      baseText: content.baseText,
      channelTexts: Object.fromEntries(content.channels.filter((c) => c.text !== null).map((c) => [c.id, c.text])),
      channelOffsets: Object.fromEntries(content.channels.filter((c) => c.offset !== 0).map((c) => [c.id, c.offset])),
      images: content.images.map((i) => ({ src: i.src, alt: i.alt, ...(i.people.length ? { people: i.people } : {}) })),
      link: content.link,
      scheduledAt: content.scheduledAt,
      issues: [],
    };
  }
  const schema = { post: Post, idea: Idea, channel: Channel, category: Category, blackout: BlackoutPeriod, series: Series, setting: SharedSetting }[type];
  const result = (schema as z.ZodType).safeParse(data);
  if (!result.success) return { error: `${doc._id}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  if ((result.data as { id: string }).id !== parsed.id) return { error: `${doc._id}: its id does not match the record's id` };
  return { type, record: result.data as TeamRecords[SyncedType] };
}
