// A post's compliance findings, channel by channel: each channel is checked on the text it gets.
import type { Category, Channel, Post } from '../domain/schemas';
import { channelText, trackedUrl } from '../posts';
import { checkCompliance } from './checker';
import type { ComplianceFinding, ComplianceSettings } from './schemas';

export interface ChannelFindings {
  channelId: string;
  findings: ComplianceFinding[];
}

export function checkPostCompliance(
  post: Pick<Post, 'baseText' | 'channelTexts' | 'channelIds' | 'categoryId' | 'link'>,
  channels: ReadonlyMap<string, Pick<Channel, 'network'>>,
  categories: ReadonlyMap<string, Pick<Category, 'id' | 'name' | 'isPromotional'>>,
  settings: ComplianceSettings,
): ChannelFindings[] {
  const category = post.categoryId ? (categories.get(post.categoryId) ?? null) : null;
  const link = post.link ? trackedUrl(post.link) : null;
  return post.channelIds.map((channelId) => ({
    channelId,
    findings: checkCompliance(
      { text: channelText(post, channelId), institution: settings.institution, network: channels.get(channelId)?.network ?? null, category, link },
      settings.rules,
    ),
  }));
}
