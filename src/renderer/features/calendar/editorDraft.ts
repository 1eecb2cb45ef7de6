// The post editor's form state: the draft as the user types it, what it started from (to know
// whether anything changed), a save's refusals by field, and the post input a save sends.
import { useState } from 'react';
import type { PostInput } from '../../../shared/api/contract';
import type { SeriesFrequency } from '../../../shared/calendar-rules';
import type { Post, PostImage, PostStatus, Utm } from '../../../shared/domain/schemas';
import { trackedUrl } from '../../../shared/posts';
import { utcToZonedWallTime } from '../../../shared/time';

/** Open the editor on an existing post, or on a new one (optionally at a date and time). */
export type EditorTarget = { post?: Post; date?: string; time?: string; channelIds?: string[] };

const EMPTY_UTM: Utm = { source: '', medium: '', campaign: '', term: '', content: '' };
/** The editor's fields that show a save's refusal beside them, by the API's field names. */
export const EDITOR_FIELDS = ['title', 'scheduledAt', 'link', 'baseText', 'channelTexts', 'channelIds', 'categoryId'] as const;
export type Repeat = 'none' | SeriesFrequency;

export interface Draft {
  title: string;
  baseText: string;
  channelTexts: Record<string, string>;
  images: PostImage[];
  utm: Utm;
  repeat: Repeat;
  repeatCount: number;
  channelIds: string[];
  categoryId: string | null;
  date: string;
  time: string;
  status: PostStatus;
  notes: string;
  link: string;
}

export const draftFrom = (target: EditorTarget, zone: string): Draft => {
  const post = target.post;
  const wall = post?.scheduledAt ? utcToZonedWallTime(post.scheduledAt, zone) : null;
  return {
    title: post?.title ?? '',
    baseText: post?.baseText ?? '',
    channelTexts: post?.channelTexts ?? {},
    images: post?.images ?? [],
    utm: post?.link?.utm ?? EMPTY_UTM,
    repeat: 'none',
    repeatCount: 8,
    channelIds: post?.channelIds ?? target.channelIds ?? [],
    categoryId: post?.categoryId ?? null,
    date: wall?.date ?? target.date ?? '',
    time: wall?.time ?? target.time ?? '09:00',
    status: post?.status ?? 'draft',
    notes: post?.notes ?? '',
    link: post?.link?.url ?? '',
  };
};

export const hasUtmOf = (draft: Draft): boolean => Object.values(draft.utm).some((v) => v.trim());

/** The link as it goes out (tracking parameters added), or null with no link or one not yet a valid URL. */
export function trackedLinkOf(draft: Draft): string | null {
  const url = draft.link.trim();
  if (!url) return null;
  try {
    return trackedUrl({ url, utm: hasUtmOf(draft) ? draft.utm : null });
  } catch {
    return null; // still being typed: the save names what is wrong with it
  }
}

export type SetField = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

/** What a save sends: overrides only for channels still selected, images with a source. */
export function draftToInput(draft: Draft, scheduledAt: string | null, timezone: string): PostInput {
  return {
    title: draft.title,
    baseText: draft.baseText,
    channelTexts: Object.fromEntries(Object.entries(draft.channelTexts).filter(([id]) => draft.channelIds.includes(id))),
    images: draft.images.filter((i) => i.src.trim()),
    channelIds: draft.channelIds,
    categoryId: draft.categoryId,
    scheduledAt,
    timezone,
    notes: draft.notes,
    link: draft.link.trim() ? { url: draft.link.trim(), utm: hasUtmOf(draft) ? draft.utm : null } : null,
  };
}

export function useDraft(target: EditorTarget, zone: string) {
  const [initial, setInitial] = useState<Draft>(() => draftFrom(target, zone));
  const [draft, setDraft] = useState<Draft>(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  // a save's refusals, shown next to their fields (the API's field names), cleared as the field changes
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set: SetField = (key, value) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const field = key === 'date' || key === 'time' ? 'scheduledAt' : key;
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const { [field as string]: _cleared, ...rest } = errors;
      return rest;
    });
  };
  return { draft, setDraft, initial, setInitial, dirty, set, fieldErrors, setFieldErrors };
}
