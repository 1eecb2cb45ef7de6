// Backlog items per category, served earliest-expiry-first to slots visited in time order.
// Dates are local day numbers; an item without `latest` never expires.

export interface PoolItem {
  index: number;
  categoryIndex: number;
  earliestDay: number;
  latestDay: number;
  /** null = fits every channel. */
  channelIds: string[] | null;
}

class ItemHeap {
  private readonly items: PoolItem[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): PoolItem | undefined {
    return this.items[0];
  }

  private static before(a: PoolItem, b: PoolItem): boolean {
    return a.latestDay < b.latestDay || (a.latestDay === b.latestDay && a.index < b.index);
  }

  push(item: PoolItem): void {
    const items = this.items;
    let at = items.length;
    items.push(item);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!ItemHeap.before(items[at], items[parent])) break;
      [items[at], items[parent]] = [items[parent], items[at]];
      at = parent;
    }
  }

  pop(): PoolItem | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < items.length && ItemHeap.before(items[left], items[smallest])) smallest = left;
        if (right < items.length && ItemHeap.before(items[right], items[smallest])) smallest = right;
        if (smallest === at) break;
        [items[at], items[smallest]] = [items[smallest], items[at]];
        at = smallest;
      }
    }
    return top;
  }
}

const ANY_CHANNEL = '\u0000any';

export class BacklogPool {
  /** Per category: items sorted by earliest day, and how many have been released. */
  private readonly pending: PoolItem[][];
  private readonly released: number[];
  private readonly heaps: Map<string, ItemHeap>[];
  private readonly used: Uint8Array;

  constructor(items: PoolItem[], categoryCount: number) {
    this.pending = Array.from({ length: categoryCount }, () => []);
    for (const item of items) this.pending[item.categoryIndex].push(item);
    for (const list of this.pending) list.sort((a, b) => a.earliestDay - b.earliestDay || a.index - b.index);
    this.released = new Array(categoryCount).fill(0);
    this.heaps = Array.from({ length: categoryCount }, () => new Map());
    let size = 0;
    for (const item of items) if (item.index + 1 > size) size = item.index + 1;
    this.used = new Uint8Array(size);
  }

  private heap(categoryIndex: number, channelKey: string): ItemHeap | undefined {
    return this.heaps[categoryIndex].get(channelKey);
  }

  /** Days must never decrease between calls. */
  private release(categoryIndex: number, day: number): void {
    const list = this.pending[categoryIndex];
    let next = this.released[categoryIndex];
    const heaps = this.heaps[categoryIndex];
    while (next < list.length && list[next].earliestDay <= day) {
      const item = list[next++];
      for (const key of item.channelIds ?? [ANY_CHANNEL]) {
        let heap = heaps.get(key);
        if (!heap) heaps.set(key, (heap = new ItemHeap()));
        heap.push(item);
      }
    }
    this.released[categoryIndex] = next;
  }

  private top(heap: ItemHeap | undefined, day: number): PoolItem | undefined {
    if (!heap) return undefined;
    for (;;) {
      const item = heap.peek();
      if (!item) return undefined;
      if (this.used[item.index] || item.latestDay < day) heap.pop();
      else return item;
    }
  }

  private best(categoryIndex: number, channelId: string, day: number): { item: PoolItem; heap: ItemHeap } | undefined {
    this.release(categoryIndex, day);
    const specificHeap = this.heap(categoryIndex, channelId);
    const anyHeap = this.heap(categoryIndex, ANY_CHANNEL);
    const specific = this.top(specificHeap, day);
    const any = this.top(anyHeap, day);
    // On equal expiry prefer the channel-bound item: the unrestricted one can still go elsewhere.
    if (specific && specificHeap && (!any || specific.latestDay <= any.latestDay)) return { item: specific, heap: specificHeap };
    if (any && anyHeap) return { item: any, heap: anyHeap };
    return undefined;
  }

  has(categoryIndex: number, channelId: string, day: number): boolean {
    return this.best(categoryIndex, channelId, day) !== undefined;
  }

  /** Takes the fitting item that expires first, or undefined. */
  take(categoryIndex: number, channelId: string, day: number): PoolItem | undefined {
    const found = this.best(categoryIndex, channelId, day);
    if (!found) return undefined;
    found.heap.pop();
    this.used[found.item.index] = 1;
    return found.item;
  }
}
