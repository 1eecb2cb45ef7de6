// Live compliance findings in the editor: the shared checker runs on the text each channel gets,
// as it is typed; each finding shows the words that set it off, highlighted, with its citation.
// Overrides (an approver's written reason) come from the saved post's review.
import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { ComplianceSettingsView } from '../../../shared/api/audit';
import { MIN_OVERRIDE_REASON, type PostReview } from '../../../shared/api/reviews';
import { checkCompliance } from '../../../shared/compliance/checker';
import type { ComplianceFinding } from '../../../shared/compliance/schemas';
import type { Category, Channel } from '../../../shared/domain/schemas';
import { call } from '../../api/client';

let settingsLoad: Promise<ComplianceSettingsView> | null = null;
/** The workspace's rules, loaded once per window (Settings reloads them after a change). */
export function useComplianceSettings(): ComplianceSettingsView | null {
  const [settings, setSettings] = useState<ComplianceSettingsView | null>(null);
  useEffect(() => {
    settingsLoad ??= call('compliance.get', {});
    settingsLoad.then(setSettings, () => {
      settingsLoad = null;
    });
  }, []);
  return settings;
}
export const forgetComplianceSettings = (): void => {
  settingsLoad = null;
};

export interface ChannelText {
  channel: Pick<Channel, 'id' | 'name' | 'network'>;
  text: string;
}

interface Grouped {
  finding: ComplianceFinding;
  text: string;
  channels: Array<Pick<Channel, 'id' | 'name'>>;
}

/** A few words either side of the span, the span marked. */
function Snippet({ text, finding }: { text: string; finding: ComplianceFinding }) {
  const start = Math.max(0, finding.span.start - 40);
  const end = Math.min(text.length, finding.span.end + 40);
  return (
    <Text size="xs" component="p" m={0}>
      {start > 0 && '…'}
      {text.slice(start, finding.span.start)}
      <mark>{text.slice(finding.span.start, finding.span.end)}</mark>
      {text.slice(finding.span.end, end)}
      {end < text.length && '…'}
    </Text>
  );
}

export function ComplianceFindings({
  texts,
  category,
  link,
  review,
  canOverride,
  onOverride,
}: {
  texts: ChannelText[];
  category: Pick<Category, 'id' | 'name' | 'isPromotional'> | null;
  link: string | null;
  /** The saved post's review (for overrides); null for a new post or while it has unsaved edits. */
  review: PostReview | null;
  canOverride: boolean;
  onOverride: (finding: ComplianceFinding & { channelId: string }, reason: string) => Promise<void>;
}) {
  const settings = useComplianceSettings();
  const [overriding, setOverriding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const grouped = useMemo(() => {
    if (!settings) return [];
    const groups = new Map<string, Grouped>();
    for (const { channel, text } of texts) {
      for (const finding of checkCompliance({ text, institution: settings.institution, network: channel.network, category, link }, settings.rules)) {
        const key = `${finding.ruleId}|${finding.span.text}|${text}`;
        const group = groups.get(key) ?? { finding, text, channels: [] };
        group.channels.push(channel);
        groups.set(key, group);
      }
    }
    return [...groups.values()];
  }, [settings, texts, category, link]);
  if (!settings || texts.length === 0) return null;
  if (grouped.length === 0) {
    return (
      <Text size="xs" c="dimmed" role="status">
        <IconShieldCheck size={14} style={{ verticalAlign: 'text-bottom' }} /> No compliance findings ({settings.institution === 'bank' ? 'bank' : 'credit union'} rules).
      </Text>
    );
  }
  const blocking = grouped.filter((g) => g.finding.severity === 'blocking').length;
  return (
    <section aria-label="Compliance findings">
    <Alert
      color={blocking ? 'red' : 'yellow'}
      variant="light"
      title={blocking ? `${blocking} compliance ${blocking === 1 ? 'finding blocks' : 'findings block'} approval` : 'Compliance warnings'}
      p="xs"
    >
      <Stack gap={8}>
        {grouped.map(({ finding, text, channels }) => {
          const overrides = channels.map((c) => review?.compliance.find((f) => f.ruleId === finding.ruleId && f.channelId === c.id)?.override ?? null);
          const override = overrides.every(Boolean) ? overrides[0] : null;
          const key = `${finding.ruleId}|${channels.map((c) => c.id).join(',')}`;
          return (
            <div key={key} className={`sb-finding sb-finding-${finding.severity}`}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="sm" color={override ? 'teal' : finding.severity === 'blocking' ? 'red' : 'yellow'} variant="filled" style={{ flexShrink: 0 }}>
                  {override ? 'Overridden' : finding.severity === 'blocking' ? 'Blocking' : 'Warning'}
                </Badge>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm">{finding.message}</Text>
                  <Snippet text={text} finding={finding} />
                  <Text size="xs" c="dimmed">
                    {finding.citation} · {channels.map((c) => c.name).join(', ')}
                  </Text>
                  {override && (
                    <Text size="xs">
                      Overridden by {override.by}: “{override.reason}”
                    </Text>
                  )}
                  {!override && finding.severity === 'blocking' && canOverride && review && (
                    overriding === key ? (
                      <Group gap="xs" align="flex-end">
                        <TextInput size="xs" style={{ flex: 1 }} label="Why this finding does not apply" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
                        <Button
                          size="xs"
                          disabled={reason.trim().length < MIN_OVERRIDE_REASON}
                          onClick={async () => {
                            for (const c of channels) await onOverride({ ...finding, channelId: c.id }, reason.trim());
                            setOverriding(null);
                            setReason('');
                          }}
                        >
                          Record override
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setOverriding(null)}>
                          Cancel
                        </Button>
                      </Group>
                    ) : (
                      <Button size="compact-xs" variant="subtle" color="gray" w="fit-content" onClick={() => setOverriding(key)}>
                        Override with a reason…
                      </Button>
                    )
                  )}
                </Stack>
              </Group>
            </div>
          );
        })}
      </Stack>
    </Alert>
    </section>
  );
}
