// How the post will look in each chosen network's feed: the bank's name and handle, the text cut
// where that network folds it behind its "more" link, the first image and the link card (or the
// link in the text, on text-only networks). Approximate by nature: the fold points are the
// networks' widely reported desktop behaviour (shared/text-rules/feedPreview.ts).
import { Avatar, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { NETWORK_LABELS, type Channel, type PostImage } from '../../../shared/domain/schemas';
import { feedPreview } from '../../../shared/text-rules/feedPreview';
import { linkGoesInText, textWithLink } from '../../../shared/text-rules';
import { initials } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { NetworkIcon } from '../../components/networkIcons';
import { Thumbnail } from '../../components/Thumbnail';

interface Props {
  channels: Channel[];
  textFor(channel: Channel): string;
  images: PostImage[];
  /** the link as it goes out (with its tracking parameters) */
  link: string | null;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

function FeedCard({ channel, text, image, link, bank }: { channel: Channel; text: string; image: PostImage | undefined; link: string | null; bank: string }) {
  const inText = link !== null && linkGoesInText(channel.network);
  const preview = feedPreview(channel.network, inText ? textWithLink(text, link) : text);
  const linkCard = link !== null && !inText && channel.network !== 'instagram';
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={`${channel.name} preview`}>
      <Group gap="xs" wrap="nowrap" mb={6}>
        <Avatar radius="xl" size="sm" color="teal.9" variant="filled" aria-hidden>
          {initials(bank)}
        </Avatar>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600} lineClamp={1}>
            {bank}
          </Text>
          <Text size="xs" c="gray.7" lineClamp={1}>
            {channel.handle ? `${channel.handle} · ` : ''}
            {NETWORK_LABELS[channel.network]}
          </Text>
        </div>
        <NetworkIcon network={channel.network} size={16} />
      </Group>
      {image && <Thumbnail src={image.src} alt={image.alt} height={120} width="100%" />}
      <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="preview-text">
        {preview.visible || <Text span c="gray.7">(no text)</Text>}
        {preview.more && (
          <>
            {'… '}
            <Text span c="gray.7" fw={600}>
              {preview.more}
            </Text>
          </>
        )}
      </Text>
      {linkCard && (
        <Paper bg="gray.1" p={6} mt={6} radius="sm">
          <Text size="xs" c="gray.8" tt="uppercase" lineClamp={1}>
            {hostOf(link)}
          </Text>
        </Paper>
      )}
      <Text size="xs" c="gray.7" mt={6}>
        {preview.more
          ? `Folds after ${preview.visibleCharacters} characters: the rest shows after “${preview.more}”.`
          : 'Shows in full.'}
      </Text>
    </Paper>
  );
}

export function NetworkPreviews({ channels, textFor, images, link }: Props) {
  const { info } = useWorkspace();
  if (channels.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        Choose channels to see how the post looks on each.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={channels.length === 1 ? 1 : { base: 1, sm: 2 }} spacing="sm">
        {channels.map((channel) => (
          <FeedCard key={channel.id} channel={channel} text={textFor(channel)} image={images[0]} link={link} bank={info.name} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
