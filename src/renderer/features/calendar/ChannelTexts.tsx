// Per-channel texts with the network's rules checked live as the user types (never truncated).
import { Badge, Button, Group, List, Tabs, Text, Textarea } from '@mantine/core';
import type { Channel, PostImage } from '../../../shared/domain/schemas';
import { checkText, type TextCheck } from '../../../shared/text-rules';
import { IconEye } from '@tabler/icons-react';
import { NetworkIcon } from '../../components/networkIcons';
import { NetworkPreviews } from './NetworkPreviews';

interface Props {
  channels: Channel[];
  baseText: string;
  channelTexts: Record<string, string>;
  images: PostImage[];
  /** the link as it goes out: text-only networks count it in the text */
  link: string | null;
  /** a save's refusal of the shared text, or of a channel's own text, shown under it */
  textError?: string;
  channelTextsError?: string;
  onBaseText(text: string): void;
  onChannelTexts(texts: Record<string, string>): void;
}

function CheckSummary({ check }: { check: TextCheck }) {
  const over = check.remaining < 0;
  return (
    <Group gap="xs" justify="space-between" mt={4}>
      <List size="xs" spacing={2}>
        {check.findings.map((f) => (
          <List.Item key={f.code} c={f.severity === 'error' ? 'red.7' : 'yellow.8'}>
            {f.message}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c={over ? 'red.7' : 'dimmed'} aria-live="polite">
        {check.length.toLocaleString()} / {check.limit.toLocaleString()} {check.unit === 'characters' ? 'characters' : check.unit}
      </Text>
    </Group>
  );
}

/** Under the shared text: how long it is on each network that uses it, counted by that network's rule. */
function SharedTextCounters({ channels, checks }: { channels: Channel[]; checks: Map<string, TextCheck> }) {
  if (channels.length === 0) return null;
  return (
    <Group gap="md" mt={6} aria-label="Length on each network" aria-live="polite">
      {channels.map((c) => {
        const check = checks.get(c.id)!;
        const over = check.remaining < 0;
        return (
          <Group key={c.id} gap={4} wrap="nowrap">
            <NetworkIcon network={c.network} size={14} />
            <Text size="xs" c={over ? 'red.9' : 'gray.7'} fw={over ? 600 : undefined}>
              {c.name}: {check.length.toLocaleString()} / {check.limit.toLocaleString()}
              {over ? ` (${(-check.remaining).toLocaleString()} over)` : ''}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}

export function ChannelTexts({ channels, baseText, channelTexts, images, link, textError, channelTextsError, onBaseText, onChannelTexts }: Props) {
  const checks = new Map(
    channels.map((c) => [c.id, checkText({ network: c.network, text: channelTexts[c.id] ?? baseText, images, maxLength: c.maxLength, link })]),
  );
  const problems = (id: string) => checks.get(id)?.findings.filter((f) => f.severity === 'error').length ?? 0;
  return (
    <Tabs defaultValue="base" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="base">All channels</Tabs.Tab>
        {channels.map((c) => (
          <Tabs.Tab
            key={c.id}
            value={c.id}
            rightSection={
              problems(c.id) > 0 ? (
                <Badge size="xs" color="red" circle aria-label={`${problems(c.id)} problems`}>
                  {problems(c.id)}
                </Badge>
              ) : undefined
            }
          >
            {c.name}
            {channelTexts[c.id] !== undefined ? ' •' : ''}
          </Tabs.Tab>
        ))}
        <Tabs.Tab value="preview" leftSection={<IconEye size={14} aria-hidden />} ml="auto">
          Preview
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="preview" pt="xs">
        <NetworkPreviews channels={channels} textFor={(c) => channelTexts[c.id] ?? baseText} images={images} link={link} />
      </Tabs.Panel>
      <Tabs.Panel value="base" pt="xs">
        <Textarea
          label="Text"
          description="Used on every channel unless a channel has its own version."
          autosize
          minRows={4}
          maxRows={12}
          value={baseText}
          error={textError}
          onChange={(e) => onBaseText(e.currentTarget.value)}
        />
        {channels.length === 0 ? (
          <Text size="xs" c="dimmed" mt={4}>
            Choose channels to see each network's limits.
          </Text>
        ) : (
          <SharedTextCounters channels={channels.filter((c) => channelTexts[c.id] === undefined)} checks={checks} />
        )}
      </Tabs.Panel>
      {channels.map((c) => {
        const own = channelTexts[c.id];
        return (
          <Tabs.Panel key={c.id} value={c.id} pt="xs">
            {own === undefined ? (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  Uses the shared text.
                </Text>
                <Button size="xs" variant="light" onClick={() => onChannelTexts({ ...channelTexts, [c.id]: baseText })}>
                  Write a {c.name} version
                </Button>
              </Group>
            ) : (
              <>
                <Textarea
                  label={`Text for ${c.name}`}
                  autosize
                  minRows={4}
                  maxRows={12}
                  value={own}
                  error={channelTextsError}
                  onChange={(e) => onChannelTexts({ ...channelTexts, [c.id]: e.currentTarget.value })}
                />
                <Button
                  size="xs"
                  variant="subtle"
                  mt={4}
                  onClick={() => {
                    const { [c.id]: _removed, ...rest } = channelTexts;
                    onChannelTexts(rest);
                  }}
                >
                  Use the shared text again
                </Button>
              </>
            )}
            <CheckSummary check={checks.get(c.id)!} />
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
