// One way for the benchmarks to make stored posts in bulk (bench/run.ts runs only bench/*.ts, so
// helpers live here). Fields not given are a plain, unscheduled-looking draft.
import { newId } from '../../src/main/db/repositories/rows';
import type { Post } from '../../src/shared/domain/schemas';

export function benchPost(fields: Pick<Post, 'title' | 'channelIds' | 'categoryId' | 'scheduledAt' | 'timezone'> & Partial<Post>, now: string): Post {
  return {
    id: newId(),
    baseText: 'Maria from our Oak Street branch just ran her first marathon. Congratulations, Maria!',
    channelTexts: {},
    channelOffsets: {},
    images: [],
    link: null,
    notes: '',
    status: 'draft',
    placeholder: false,
    seriesId: null,
    ideaId: null,
    issues: [],
    revision: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
