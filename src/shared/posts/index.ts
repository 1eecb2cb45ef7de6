// What a post says on each channel, and everything that is wrong with it: network text rules,
// closures (Fed holidays, blackouts) and nonexistent wall times. Pure: the editor shows these live
// and the service stores them on every save.
import { closureWarnings, type Blackout, type FedHoliday } from '../calendar-rules';
import { NETWORK_LABELS, type Channel, type Post, type PostIssue } from '../domain/schemas';
import { checkText } from '../text-rules';

/** The text a channel gets: its override when there is one, else the shared base text. */
export function channelText(post: Pick<Post, 'baseText' | 'channelTexts'>, channelId: string): string {
  return post.channelTexts[channelId] ?? post.baseText;
}

/** When a channel publishes the post: the post's time plus that channel's offset (null = unscheduled). */
export function channelTime(post: Pick<Post, 'scheduledAt' | 'channelOffsets'>, channelId: string): string | null {
  if (!post.scheduledAt) return null;
  const offset = post.channelOffsets[channelId] ?? 0;
  return offset ? new Date(Date.parse(post.scheduledAt) + offset * 60_000).toISOString() : post.scheduledAt;
}

export interface ValidationContext {
  channels: ReadonlyMap<string, Channel>;
  /** Fed holidays around the post's date (any superset is fine). */
  holidays: readonly FedHoliday[];
  blackouts: readonly Blackout[];
}

type ValidatedFields = Pick<Post, 'baseText' | 'channelTexts' | 'channelIds' | 'images' | 'link' | 'scheduledAt' | 'timezone'>;

export function validatePost(post: ValidatedFields, context: ValidationContext): PostIssue[] {
  const issues: PostIssue[] = [];
  for (const channelId of post.channelIds) {
    const channel = context.channels.get(channelId);
    if (!channel) continue;
    const check = checkText({
      network: channel.network,
      text: channelText(post, channelId),
      images: post.images,
      maxLength: channel.maxLength,
      link: post.link ? trackedUrl(post.link) : null,
    });
    // the rules name the network ("X: 300 of 280 …"); on the post the channel's name says where
    const networkPrefix = `${NETWORK_LABELS[channel.network]}: `;
    for (const finding of check.findings) {
      const message = finding.message.startsWith(networkPrefix) ? finding.message.slice(networkPrefix.length) : finding.message;
      issues.push({ channelId, severity: finding.severity, code: finding.code, message: `${channel.name}: ${message}` });
    }
  }
  if (post.scheduledAt) {
    for (const message of closureWarnings(post.scheduledAt, post.timezone, context.holidays, context.blackouts)) {
      issues.push({ channelId: null, severity: 'warning', code: 'closure', message });
    }
    if (post.channelIds.length === 0) {
      issues.push({ channelId: null, severity: 'warning', code: 'no_channels', message: 'Scheduled, but no channel is chosen.' });
    }
  }
  return issues;
}

export const hasBlockingIssue = (post: Pick<Post, 'issues'>, channelId?: string): boolean =>
  post.issues.some((i) => i.severity === 'error' && (channelId === undefined || i.channelId === channelId || i.channelId === null));

/** The link with its UTM parameters added (existing query parameters are kept; empty fields skipped). */
export function trackedUrl(link: Pick<NonNullable<Post['link']>, 'url' | 'utm'>): string {
  if (!link.utm) return link.url;
  const url = new URL(link.url);
  for (const [key, value] of Object.entries(link.utm)) {
    if (value.trim()) url.searchParams.set(`utm_${key}`, value.trim());
  }
  return url.toString();
}
