// First run: what an empty workspace still needs before the calendar is useful, each step one
// click from where it is done, and the demo bank for a team that wants to look around first.
import { Button, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Onboarding, OnboardingStepId } from '../../../shared/api/onboarding';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { isSuperseded, useLatest } from '../../app/latest';
import { navigate } from '../../app/route';
import { useWorkspace } from '../../app/workspace';

const STEPS: Record<OnboardingStepId, { label: string; action: string; section?: string }> = {
  profile: { label: 'Name the bank and set its time zone', action: 'Open workspace settings', section: 'workspace' },
  channels: { label: 'Add the channels you post to, with their posting times', action: 'Add channels', section: 'channels' },
  categories: { label: 'Choose content categories and their target shares', action: 'Set categories', section: 'categories' },
  firstPost: { label: 'Write a first post', action: 'New post' },
};

/** `refreshKey` changes whenever the calendar reloads, so a step done there ticks off at once. */
export function OnboardingChecklist({ refreshKey, onNewPost, onDemoLoaded }: { refreshKey: unknown; onNewPost(): void; onDemoLoaded(): void }) {
  const workspace = useWorkspace();
  const [onboarding, setOnboarding] = useState<Onboarding | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useLatest();
  const finished = onboarding !== null && onboarding.steps.every((step) => step.done);
  useEffect(() => {
    // once every step is done there is nothing left to check
    if (finished) return;
    latest(() => call('onboarding.get', {})).then(setOnboarding, (error) => isSuperseded(error) || showError(error, 'Could not check the setup'));
  }, [latest, refreshKey, finished]);
  if (!onboarding || finished) return null;

  const loadDemo = async () => {
    setLoading(true);
    try {
      setOnboarding(await call('onboarding.loadDemo', {}));
      await workspace.reload();
      onDemoLoaded();
    } catch (error) {
      showError(error, 'Could not load the demo bank');
    } finally {
      setLoading(false);
    }
  };
  const left = onboarding.steps.filter((step) => !step.done).length;
  return (
    <Paper withBorder p="md" component="section" aria-label="Get started">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            Get started: {left} of {onboarding.steps.length} steps left
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            A human feed needs a few things first: where you post, when, and what mix of stories you aim for.
          </Text>
        </div>
        {onboarding.empty && (
          <Button variant="light" loading={loading} onClick={() => void loadDemo()}>
            Explore the demo bank instead
          </Button>
        )}
      </Group>
      <List spacing="xs" center>
        {onboarding.steps.map(({ id, done }) => (
          <List.Item
            key={id}
            icon={
              <ThemeIcon size={22} radius="xl" color={done ? 'teal' : 'gray'} variant={done ? 'filled' : 'light'} aria-hidden>
                {done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            <Group gap="sm">
              <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
                {STEPS[id].label}
                <span className="sb-visually-hidden">{done ? ' (done)' : ' (to do)'}</span>
              </Text>
              {!done && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => (STEPS[id].section ? navigate({ page: 'settings', params: { section: STEPS[id].section! } }) : onNewPost())}
                >
                  {STEPS[id].action}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
