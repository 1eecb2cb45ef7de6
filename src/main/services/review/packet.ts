// The review packet: one month as a PDF for managers and examiners (pdfmake, so the app, the
// browser host and the CLI write the same file): the calendar grid, the mix against target, the
// sign-off and the policy, then every post with its text per channel, images, findings, overrides,
// approval and comments.
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { countedText, signalText } from '../../../shared/planning/mixReport';
import { NETWORK_LABELS, STATUS_LABELS, type Post } from '../../../shared/domain/schemas';
import { channelText, channelTime } from '../../../shared/posts';
import { YEAR_MONTH, eachLocalDate, formatInZone, isoWeekdayOfDate, monthDays, utcToZonedWallTime } from '../../../shared/time';
import { AUDIT_KIND_LABELS, personKey } from '../../../shared/domain/people';
import { ServiceError } from '../errors';
import type { ChannelService } from '../channels';
import type { MediaService } from '../media';
import type { PlanningService } from '../planning';
import type { WorkspaceService } from '../workspace';
import type { Session } from './people';
import type { PolicyService } from './policy';
import type { ReviewService } from './reviews';
import type { LikenessRelease, PostReview } from '../../../shared/api/reviews';
import type { ReleaseService } from './releases';

export interface PacketDependencies {
  workspace: WorkspaceService;
  channels: ChannelService;
  categories: { list(): Array<{ id: string; name: string }> };
  reviews: ReviewService;
  planning: PlanningService;
  policy: PolicyService;
  session: Session;
  media: MediaService;
  releases: ReleaseService;
}

const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const INK = '#212529';
const DIM = '#495057';
const STATUS_COLORS: Record<Post['status'], string> = {
  draft: '#868e96',
  in_review: '#1971c2',
  changes_requested: '#e8590c',
  approved: '#2b8a3e',
  exported: '#2b8a3e',
  published: '#2b8a3e',
  archived: '#868e96',
};

let pdfmakeInstance: typeof import('pdfmake') | null = null;
/** pdfmake with its bundled Roboto, reading only its own font files (no other file, no URL). */
function pdfmake(): typeof import('pdfmake') {
  if (!pdfmakeInstance) {
    const req = createRequire(__filename);
    const fontDir = path.join(path.dirname(req.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
    const instance = req('pdfmake') as typeof import('pdfmake');
    const font = (name: string) => path.join(fontDir, name);
    instance.setFonts({ Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') } });
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(fontDir));
    pdfmakeInstance = instance;
  }
  return pdfmakeInstance;
}

const DECISION_KINDS = new Set(['post.submit', 'post.approve', 'post.request_changes', 'post.export', 'post.publish', 'compliance.override', 'post.changed_after_export']);

/** What every post's section of one packet shares. */
interface MonthView {
  zone: string;
  channelNames: Map<string, { name: string; network: string }>;
  categoryNames: Map<string, string>;
  releases: Map<string, LikenessRelease>;
}

export function monthRange(month: string): { from: string; to: string; label: string } {
  if (!YEAR_MONTH.test(month)) throw new ServiceError('validation', `month: "${month}" is not a month; expected YYYY-MM (e.g. 2027-01)`, [{ path: 'month', message: 'expected YYYY-MM' }]);
  const { from, to } = monthDays(month);
  const label = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${from}T12:00:00Z`));
  return { from, to, label };
}

// The PDF's font has no emoji: each is written as [emoji] rather than an empty box.
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})*/gu;
const printable = (text: string): string => text.replace(EMOJI, '[emoji]');

const statusText = (status: Post['status']): Content => ({ text: STATUS_LABELS[status], color: STATUS_COLORS[status], bold: true });

/** The month as a grid of weeks, Monday first, each day with its posts' times and titles. */
function calendarGrid(from: string, to: string, posts: Post[], zone: string): Content {
  const byDate = new Map<string, Post[]>();
  for (const post of posts) {
    const date = utcToZonedWallTime(post.scheduledAt!, zone).date;
    byDate.set(date, [...(byDate.get(date) ?? []), post]);
  }
  const days = eachLocalDate(from, to);
  const cells: TableCell[] = [];
  for (let i = 1; i < isoWeekdayOfDate(from); i++) cells.push({ text: '' });
  for (const date of days) {
    const list = byDate.get(date) ?? [];
    cells.push({
      stack: [
        { text: String(Number(date.slice(8))), bold: true, fontSize: 8 },
        ...list.slice(0, 5).map((p) => ({
          text: [{ text: `${utcToZonedWallTime(p.scheduledAt!, zone).time} `, color: DIM }, { text: printable(p.title.length > 28 ? `${p.title.slice(0, 27)}…` : p.title), color: STATUS_COLORS[p.status] }],
          fontSize: 6.5,
        })),
        ...(list.length > 5 ? [{ text: `+${list.length - 5} more`, fontSize: 6.5, color: DIM }] : []),
      ],
    });
  }
  while (cells.length % 7 !== 0) cells.push({ text: '' });
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return {
    table: {
      widths: Array(7).fill('*'),
      heights: (row: number) => (row === 0 ? 12 : 62),
      headerRows: 1,
      body: [['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => ({ text: d, bold: true, fontSize: 8, color: DIM })), ...rows],
    },
    layout: { hLineColor: () => '#ced4da', vLineColor: () => '#ced4da' },
  };
}

export function createPacketService(s: PacketDependencies) {
  const imageFor = (src: string): string | null => {
    const dataUrl = s.media.preview(src);
    // pdfmake embeds JPEG and PNG
    return dataUrl && /^data:image\/(png|jpeg);/.test(dataUrl) && dataUrl.length < MAX_IMAGE_BYTES * 1.4 ? dataUrl : null;
  };

  const postSection = (post: Post, review: PostReview, month: MonthView): Content[] => {
    const { zone, channelNames, categoryNames, releases } = month;
    const history = s.reviews.history(post.id);
    const decisions = history.filter((e) => DECISION_KINDS.has(e.kind));
    const comments = history.filter((e) => e.kind === 'post.comment' || e.kind === 'post.request_changes');
    const when = post.scheduledAt ? formatInZone(post.scheduledAt, zone, "EEE d MMM yyyy, HH:mm") : 'not scheduled';
    const blocks: Content[] = [
      { text: printable(post.title), style: 'postTitle' },
      {
        columns: [
          { text: [{ text: 'When: ', color: DIM }, when], width: 'auto' },
          { text: [{ text: 'Category: ', color: DIM }, post.categoryId ? (categoryNames.get(post.categoryId) ?? '') : 'none'], width: 'auto' },
          { text: [{ text: 'Status: ', color: DIM }, statusText(post.status)], width: 'auto' },
        ],
        columnGap: 16,
        fontSize: 8.5,
        margin: [0, 0, 0, 4],
      },
    ];
    // Channels that get the same text with the same findings share one box.
    const groups = new Map<string, { channelIds: string[]; text: string; findings: typeof review.compliance }>();
    for (const channelId of post.channelIds) {
      const text = channelText(post, channelId);
      const findings = review.compliance.filter((f) => f.channelId === channelId);
      const key = JSON.stringify([text, findings.map((f) => [f.ruleId, f.span, f.override])]);
      const group = groups.get(key) ?? { channelIds: [], text, findings };
      group.channelIds.push(channelId);
      groups.set(key, group);
    }
    for (const { channelIds, text, findings } of groups.values()) {
      const names = channelIds.map((id) => {
        const channel = channelNames.get(id);
        const time = channelTime(post, id);
        return `${channel?.name ?? 'Removed channel'} (${channel ? NETWORK_LABELS[channel.network as keyof typeof NETWORK_LABELS] : '?'}${time && time !== post.scheduledAt ? `, ${formatInZone(time, zone, 'HH:mm')}` : ''})`;
      });
      blocks.push({
        table: {
          widths: ['*'],
          body: [
            [{ text: [{ text: names.join(', '), bold: true }, { text: channelIds.some((id) => post.channelTexts[id] !== undefined) ? ' · own text' : '', color: DIM }], fontSize: 8.5, fillColor: '#f1f3f5' }],
            [{ text: printable(text) || '(no text)', fontSize: 9, color: text ? INK : DIM }],
            ...findings.map((f) => [
              {
                text: [
                  { text: f.severity === 'blocking' ? (f.override ? 'OVERRIDDEN  ' : 'BLOCKING  ') : 'WARNING  ', bold: true, color: f.override ? '#2b8a3e' : f.severity === 'blocking' ? '#c92a2a' : '#e8590c' },
                  `${f.message} `,
                  { text: `At "${printable(f.span.text)}". ${f.citation}.`, color: DIM },
                  ...(f.override ? [{ text: `\nOverride by ${f.override.by}, ${formatInZone(f.override.at, zone, 'd MMM yyyy HH:mm')}: ${f.override.reason}`, italics: true }] : []),
                ],
                fontSize: 8,
              },
            ]),
          ],
        },
        layout: { hLineColor: () => '#dee2e6', vLineColor: () => '#dee2e6' },
        margin: [0, 2, 0, 4],
      });
    }
    const peopleLine = (people: string[] | undefined): string =>
      (people ?? [])
        .map((person) => {
          const release = releases.get(personKey(person));
          return `${person} (${release ? (release.given ? `release signed ${release.signedOn}` : 'release refused') : 'no release'})`;
        })
        .join(', ');
    const images = post.images.map((image) => ({ image, data: imageFor(image.src) }));
    const embedded = images.filter((i) => i.data);
    if (embedded.length > 0) {
      blocks.push({ columns: embedded.slice(0, 4).map((i) => ({ stack: [{ image: i.data!, fit: [120, 90] }, { text: i.image.alt || '(no alt text)', fontSize: 6.5, color: DIM }, ...(i.image.people?.length ? [{ text: `Shows: ${peopleLine(i.image.people)}`, fontSize: 6.5 }] : [])], width: 125 })), columnGap: 8, margin: [0, 2, 0, 4] });
    }
    for (const missing of images.filter((i) => !i.data)) {
      blocks.push({ text: `Image not embedded: ${missing.image.src}${missing.image.people?.length ? `. Shows: ${peopleLine(missing.image.people)}` : ''}`, fontSize: 7.5, color: DIM });
    }
    const issues = review.issues;
    if (issues.length > 0) blocks.push({ ul: issues.map((i) => ({ text: `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`, color: i.severity === 'error' ? '#c92a2a' : DIM })), fontSize: 8 });
    if (decisions.length > 0) {
      blocks.push({
        text: decisions.map((e) => `${formatInZone(e.at, zone, 'd MMM yyyy HH:mm')}  ${AUDIT_KIND_LABELS[e.kind] ?? e.kind} by ${e.actorName}`).join('\n'),
        fontSize: 7.5,
        color: DIM,
        margin: [0, 2, 0, 2],
      });
    }
    if (comments.length > 0) {
      blocks.push({ text: comments.map((e) => `“${String(e.body.comment ?? e.body.text)}” (${e.actorName}, ${formatInZone(e.at, zone, 'd MMM HH:mm')})`).join('\n'), fontSize: 8, italics: true, margin: [0, 0, 0, 2] });
    }
    return [{ stack: blocks, unbreakable: false, margin: [0, 6, 0, 8] }];
  };

  return {
    /** The packet of a month (YYYY-MM) as PDF bytes. */
    async build(month: string): Promise<{ name: string; bytes: Buffer; pages: number; posts: number }> {
      const { from, to, label } = monthRange(month);
      const info = s.workspace.get();
      const zone = info.timezone;
      const channels = new Map(s.channels.list().map((c) => [c.id, { name: c.name, network: c.network }]));
      const categories = new Map(s.categories.list().map((c) => [c.id, c.name]));
      const posts = s.reviews.postsInRange(from, to).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
      const mix = s.planning.mix({ from, to, granularity: 'month' });
      const signoffs = s.reviews.signoffs({ from, to });
      const policy = s.policy.status();
      const me = s.session.currentOrNull();
      const counts = new Map<string, number>();
      for (const p of posts) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
      const reviews = s.reviews.reviewMany(posts);
      const blocking = [...reviews.values()].reduce((n, r) => n + r.compliance.filter((f) => f.severity === 'blocking' && !f.override).length, 0);
      const view: MonthView = { zone, channelNames: channels, categoryNames: categories, releases: s.releases.all() };

      const summary: Content = {
        table: {
          widths: [120, '*'],
          body: [
            ['Posts', `${posts.length} (${[...counts].map(([status, n]) => `${n} ${STATUS_LABELS[status as Post['status']].toLowerCase()}`).join(', ') || 'none'})`],
            ['Mix', countedText(mix)],
            ['Open blocking findings', String(blocking)],
            [
              'Sign-off',
              signoffs.length === 0
                ? { text: 'Not signed off', color: '#e8590c' }
                : signoffs.map((so) => `${so.label}: signed off by ${so.by} on ${formatInZone(so.at, zone, 'd MMM yyyy HH:mm')}${so.stale ? ` — STALE, changed since: ${so.changes.map((c) => `${c.title} (${c.change})`).join(', ')}` : ' — up to date'}`).join('\n'),
            ],
            [
              'Social-media policy',
              policy.policy
                ? `Version ${policy.policy.version}, published ${formatInZone(policy.policy.publishedAt, zone, 'd MMM yyyy')} by ${policy.policy.publishedBy}. Accepted: ${policy.people.filter((p) => p.acceptedVersion >= policy.policy!.version).map((p) => p.name).join(', ') || 'nobody yet'}.`
                : 'No policy published',
            ],
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 6, 0, 10],
      };
      const mixTable: Content = {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['Category', 'Posts', 'Share', 'Target', 'Against target'].map((h) => ({ text: h, bold: true, color: DIM })),
            ...mix.categories.map((row) => [
              row.name + (row.isPromotional ? ' (self-promotion)' : ''),
              String(row.count),
              `${row.percent.toFixed(0)}%`,
              `${row.targetPercent.toFixed(0)}%`,
              { text: signalText(row.signal, row.deviation), color: row.signal === 'on_target' ? '#2b8a3e' : '#e8590c' },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      };
      const doc: TDocumentDefinitions = {
        info: { title: `${info.name}: review packet, ${label}`, author: 'Storybank', subject: 'Social media calendar review' },
        pageSize: 'LETTER',
        pageMargins: [40, 48, 40, 48],
        defaultStyle: { font: 'Roboto', fontSize: 9, color: INK },
        styles: {
          h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
          h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
          postTitle: { fontSize: 10.5, bold: true, margin: [0, 0, 0, 2] },
        },
        header: (page: number, pages: number) => ({ text: `${info.name} · Review packet ${label} · page ${page} of ${pages}`, fontSize: 7, color: DIM, margin: [40, 20, 40, 0] }),
        footer: () => ({ text: `Generated ${formatInZone(new Date().toISOString(), zone, 'd MMM yyyy HH:mm')} (${zone})${me ? ` by ${me.name}` : ''} with Storybank. Times in ${zone}.`, fontSize: 7, color: DIM, margin: [40, 10, 40, 0] }),
        content: [
          { text: `${info.name}`, style: 'h1' },
          { text: `Social media review packet: ${label}`, fontSize: 12, color: DIM },
          summary,
          { text: 'Calendar', style: 'h2' },
          calendarGrid(from, to, posts, zone),
          { text: 'Content mix against target', style: 'h2', pageBreak: 'before' },
          mixTable,
          { text: `Posts (${posts.length})`, style: 'h2' },
          ...(posts.length === 0 ? [{ text: 'No posts scheduled this month.', color: DIM }] : posts.flatMap((p) => postSection(p, reviews.get(p.id)!, view))),
        ],
      };
      const output = pdfmake().createPdf(doc);
      const bytes = Buffer.from(await output.getBuffer());
      const pages = Number(/\/Type \/Pages[^>]*\/Count (\d+)/.exec(bytes.toString('latin1'))?.[1] ?? 0);
      return { name: `${info.name.replace(/[^\w -]+/g, '').trim() || 'storybank'} review packet ${month}.pdf`, bytes, pages, posts: posts.length };
    },
  };
}
export type PacketService = ReturnType<typeof createPacketService>;
