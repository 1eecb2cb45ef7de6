import {
  Alert,
  Button,
  Chip,
  Collapse,
  Group,
  List,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { closuresOnDate, federalReserveHolidays } from '../../../shared/calendar-rules';
import { channelTime, trackedUrl } from '../../../shared/posts';
import { zoneShortName } from '../settings/timeZones';
import { ChannelTexts } from './ChannelTexts';
import type { PostInput } from '../../../shared/api/contract';
import type { BlackoutPeriod, Post } from '../../../shared/domain/schemas';
import { zonedWallTimeToUtc } from '../../../shared/time';
import { call } from '../../api/client';
import { fieldErrorsOf, isConflict, showError } from '../../app/errors';
import { ConflictDialog } from './ConflictDialog';
import { formatInstant } from '../../app/format';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { useSession } from '../../app/session';
import { ApiFailure } from '../../api/client';
import { useConfirm } from '../../components/ConfirmDialog';
import { ComplianceFindings } from '../review/ComplianceFindings';
import { ReviewDiscussion, ReviewPanel, usePostReview } from '../review/ReviewPanel';
import { draftFrom, draftToInput, EDITOR_FIELDS, hasUtmOf, useDraft, type EditorTarget, type Repeat } from './editorDraft';
import { createSeriesUndoably, createUndoably, updateUndoably } from './editorSave';
import { ImagesField } from './ImagesField';


export function PostEditor({
  target,
  onClose,
  onChanged,
}: {
  target: EditorTarget;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { info, channels, categories } = useWorkspace();
  const zone = info.timezone;
  const undo = useUndo();
  const existing = target.post;
  // The saved version this edit applies to: its revision goes with the save (compare-and-set).
  const [base, setBase] = useState<Post | undefined>(existing);
  const [conflict, setConflict] = useState<Post | null>(null);
  const { draft, setDraft, setInitial, dirty, set, fieldErrors, setFieldErrors } = useDraft(target, zone);
  const [confirmingClose, setConfirmingClose] = useState(false);
  // Closing with unsaved edits asks first: nothing typed is lost by a stray Escape.
  const requestClose = () => (dirty ? setConfirmingClose(true) : onClose());
  const [saving, setSaving] = useState(false);
  const { can } = useSession();
  // Only planners write posts; everyone else reads them here, and reviews and comments on them.
  const readOnly = !can('planner');
  const [confirm, confirmDialog] = useConfirm();
  const { review, history, reload: reloadReview } = usePostReview(base?.id, base?.revision);

  const [blackouts, setBlackouts] = useState<BlackoutPeriod[]>([]);
  const [showUtm, setShowUtm] = useState(Boolean(existing?.link?.utm));
  useEffect(() => {
    call('blackouts.list', {}).then(setBlackouts, () => setBlackouts([]));
  }, []);
  const closures = useMemo(
    () => (draft.date ? closuresOnDate(draft.date, federalReserveHolidays(Number(draft.date.slice(0, 4))), blackouts) : []),
    [draft.date, blackouts],
  );
  const selectedChannels = channels.filter((c) => draft.channelIds.includes(c.id));
  const hasUtm = hasUtmOf(draft);
  const linkPreview = useMemo(() => {
    try {
      return draft.link.trim() && hasUtm ? trackedUrl({ url: draft.link.trim(), utm: draft.utm }) : null;
    } catch {
      return null;
    }
  }, [draft.link, draft.utm, hasUtm]);

  const when = useMemo(
    () => (draft.date ? zonedWallTimeToUtc(draft.date, draft.time || '09:00', zone) : null),
    [draft.date, draft.time, zone],
  );
  // a planned post may go out on each channel at that channel's own slot time (channelOffsets)
  const offsets = existing?.channelOffsets ?? {};
  const channelTimes = selectedChannels
    .filter((c) => offsets[c.id])
    .map((c) => `${c.name} at ${formatInstant(channelTime({ scheduledAt: when?.instant ?? null, channelOffsets: offsets }, c.id), zone)}`);

  // what each channel gets, for the live compliance check
  const liveTexts = useMemo(
    () => channels.filter((c) => draft.channelIds.includes(c.id)).map((channel) => ({ channel, text: draft.channelTexts[channel.id] ?? draft.baseText })),
    [channels, draft.channelIds, draft.channelTexts, draft.baseText],
  );

  const toInput = (): PostInput => draftToInput(draft, when?.instant ?? null, existing?.timezone ?? zone);

  const save = async (onto: Post | undefined = base, confirmHandedOver = false) => {
    if (when && when.status === 'gap') return;
    setSaving(true);
    try {
      const saveWith = { input: toInput(), undo, onChanged, zone };
      if (existing && onto) await updateUndoably(saveWith, onto, confirmHandedOver);
      else if (draft.repeat !== 'none' && draft.date) {
        await createSeriesUndoably(saveWith, { startDate: draft.date, time: draft.time || '09:00', timezone: zone, freq: draft.repeat, count: draft.repeatCount });
      } else await createUndoably(saveWith);
      onChanged();
      onClose();
    } catch (error) {
      if (existing && isConflict(error)) setConflict(error.error.current as Post);
      else if (existing && error instanceof ApiFailure && error.error.code === 'confirmation_required') {
        setSaving(false);
        const go = await confirm({
          title: 'Change a post the scheduler already has?',
          reasons: [error.message, 'The change is recorded in the audit trail as made after export.'],
          confirmLabel: 'Change it anyway',
        });
        if (go) await save(onto, true);
      } else {
        const inline = fieldErrorsOf(error, EDITOR_FIELDS);
        setFieldErrors(inline);
        // refusals with a field of their own are shown there; anything else as a notification
        if (Object.keys(inline).length === 0) showError(error, 'Could not save the post');
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!existing) return;
    try {
      const { deleted } = await call('posts.delete', { id: existing.id });
      const restore = async () => void (await call('posts.restore', { post: deleted }), onChanged());
      undo.announce(
        {
          label: `delete of “${deleted.title}”`,
          undo: restore,
          redo: async () => void (await call('posts.delete', { id: deleted.id }), onChanged()),
        },
        { title: 'Post deleted', message: `“${deleted.title}” was deleted.` },
      );
      onChanged();
      onClose();
    } catch (error) {
      showError(error, 'Could not delete the post');
    }
  };

  const duplicate = async () => {
    if (!existing) return;
    try {
      const copy = await call('posts.duplicate', { id: existing.id });
      undo.announce(
        {
          label: `duplicate of “${existing.title}”`,
          undo: async () => void (await call('posts.delete', { id: copy.id }), onChanged()),
          redo: async () => void (await call('posts.restore', { post: copy }), onChanged()),
        },
        { title: 'Post duplicated', message: `“${copy.title}” was added.` },
      );
      onChanged();
      onClose();
    } catch (error) {
      showError(error, 'Could not duplicate the post');
    }
  };

  return (
    <>
    <Modal opened onClose={requestClose} title={existing ? 'Edit post' : 'New post'} size="lg" trapFocus={!confirmingClose} closeOnEscape={!confirmingClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {base && (
            <ReviewPanel
              post={base}
              review={review}
              dirty={dirty}
              onPost={(post) => {
                // a review step moves the revision on: later saves build on it
                setBase(post);
                onChanged();
              }}
              onReload={reloadReview}
            />
          )}
          <fieldset disabled={readOnly} className="sb-fieldset">
          <Stack gap="sm">
          <TextInput
            label="Title"
            required
            data-autofocus
            error={fieldErrors.title}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          {readOnly && (
            <Text size="xs" c="dimmed">
              You can review and comment on this post; only planners edit it.
            </Text>
          )}
          <SimpleGrid cols={2}>
            <TextInput label="Date" type="date" error={fieldErrors.scheduledAt} value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} />
            <TextInput label={`Time, ${zoneShortName(zone)}`} type="time" value={draft.time} onChange={(e) => set('time', e.currentTarget.value)} />
          </SimpleGrid>
          {when?.instant && Date.parse(when.instant) < Date.now() && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} role="status" p="xs">
              {formatInstant(when.instant, zone)} has already passed: a scheduler will refuse a post in the past.
            </Alert>
          )}
          {when && when.status !== 'ok' && (
            <Alert color={when.status === 'gap' ? 'red' : 'yellow'} icon={<IconAlertTriangle size={16} />} role="alert">
              {when.message}
            </Alert>
          )}
          <Select
            label="Category"
            placeholder="Choose a content pillar"
            data={categories.map((c) => ({ value: c.id, label: c.name }))}
            value={draft.categoryId}
            onChange={(v) => set('categoryId', v)}
            error={fieldErrors.categoryId}
            clearable
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="channels-label">
              Channels
            </Text>
            <Chip.Group multiple value={draft.channelIds} onChange={(v) => set('channelIds', v)}>
              <Group gap={6} role="group" aria-labelledby="channels-label" aria-describedby={fieldErrors.channelIds ? 'channels-error' : undefined}>
                {channels.map((c) => (
                  <Chip key={c.id} value={c.id} size="sm" color={c.color}>
                    {c.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {fieldErrors.channelIds && (
              <Text size="xs" c="red.8" mt={4} id="channels-error" role="alert">
                {fieldErrors.channelIds}
              </Text>
            )}
            {when?.instant && channelTimes.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                Each at its own slot time: {channelTimes.join('; ')}.
              </Text>
            )}
          </div>
          {closures.map((c) => (
            <Alert key={c.message} color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
              {c.message}
            </Alert>
          ))}
          <ChannelTexts
            channels={selectedChannels}
            baseText={draft.baseText}
            channelTexts={draft.channelTexts}
            images={draft.images}
            link={draft.link.trim() ? trackedUrl({ url: draft.link.trim(), utm: hasUtm ? draft.utm : null }) : null}
            textError={fieldErrors.baseText}
            channelTextsError={fieldErrors.channelTexts}
            onBaseText={(text) => set('baseText', text)}
            onChannelTexts={(texts) => set('channelTexts', texts)}
          />
          <ComplianceFindings
            texts={liveTexts}
            category={categories.find((c) => c.id === draft.categoryId) ?? null}
            link={draft.link.trim() || null}
            review={dirty ? null : review}
            canOverride={can('approver')}
            onOverride={async (finding, reason) => {
              if (!base) return;
              try {
                await call('reviews.override', { postId: base.id, revision: base.revision, ruleId: finding.ruleId, channelId: finding.channelId, reason });
                await reloadReview();
              } catch (error) {
                showError(error, 'Could not record the override');
              }
            }}
          />
          <ImagesField images={draft.images} zone={zone} networks={selectedChannels.map((c) => c.network)} onChange={(images) => set('images', images)} />
          <Group align="flex-end" gap="xs">
            <TextInput style={{ flex: 1 }} label="Link" placeholder="https://" error={fieldErrors.link} value={draft.link} onChange={(e) => set('link', e.currentTarget.value)} />
            <Button variant="subtle" size="sm" onClick={() => setShowUtm((v) => !v)} aria-expanded={showUtm}>
              {showUtm ? 'Hide tracking' : 'Add tracking (UTM)'}
            </Button>
          </Group>
          <Collapse expanded={showUtm}>
            <SimpleGrid cols={3} spacing="xs">
              {(['source', 'medium', 'campaign', 'term', 'content'] as const).map((key) => (
                <TextInput
                  key={key}
                  size="xs"
                  label={`utm_${key}`}
                  value={draft.utm[key]}
                  onChange={(e) => set('utm', { ...draft.utm, [key]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
            {linkPreview && (
              <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>
                {linkPreview}
              </Text>
            )}
          </Collapse>
          {!existing && (
            <Group gap="xs" align="flex-end">
              <Select
                label="Repeat"
                w={180}
                data={[
                  { value: 'none', label: 'Does not repeat' },
                  { value: 'daily', label: 'Every day' },
                  { value: 'weekly', label: 'Every week' },
                  { value: 'monthly', label: 'Every month' },
                ]}
                value={draft.repeat}
                onChange={(v) => v && set('repeat', v as Repeat)}
                allowDeselect={false}
              />
              {draft.repeat !== 'none' && (
                <NumberInput label="Occurrences" w={140} min={2} max={500} value={draft.repeatCount} onChange={(v) => set('repeatCount', Number(v) || 2)} />
              )}
              {draft.repeat === 'monthly' && Number(draft.date.slice(8, 10)) > 28 && (
                <Text size="xs" c="dimmed" maw={260}>
                  Months without a day {Number(draft.date.slice(8, 10))} are skipped (as calendar apps do).
                </Text>
              )}
            </Group>
          )}
          {existing?.seriesId && (
            <Text size="xs" c="dimmed">
              Part of a recurring series: changes here apply to this occurrence only.
            </Text>
          )}
          {existing && existing.issues.length > 0 && (
            <Alert color="yellow" variant="light" title="Checks on the saved version" p="xs">
              <List size="xs">
                {existing.issues.map((issue, i) => (
                  <List.Item key={i} c={issue.severity === 'error' ? 'red.7' : undefined}>
                    {issue.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Textarea label="Internal notes" autosize minRows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          </Stack>
          </fieldset>
          {base && <ReviewDiscussion post={base} history={history} zone={zone} onReload={reloadReview} />}
          {/* the actions stay in view however long the post is */}
          <Group justify="space-between" mt="sm" className="sb-sticky-footer">
            <Group gap="xs">
              {existing && !readOnly && (
                <>
                  <Button variant="subtle" color="red" onClick={() => void remove()}>
                    Delete
                  </Button>
                  <Button variant="subtle" onClick={() => void duplicate()}>
                    Duplicate
                  </Button>
                </>
              )}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={requestClose}>
                {readOnly ? 'Close' : 'Cancel'}
              </Button>
              {!readOnly && (
                <Button type="submit" loading={saving} disabled={when?.status === 'gap'}>
                  {existing ? 'Save' : 'Create post'}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
    <Modal opened={confirmingClose} onClose={() => setConfirmingClose(false)} title="Discard your changes?" size="sm" zIndex={400}>
      <Text size="sm">This post has edits that are not saved yet.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setConfirmingClose(false)} data-autofocus>
          Keep editing
        </Button>
        <Button color="red.9" onClick={onClose}>
          Discard changes
        </Button>
      </Group>
    </Modal>
    {confirmDialog}
    {conflict && (
      <ConflictDialog
        mine={{ title: draft.title, baseText: draft.baseText, scheduledAt: when?.instant ?? null, status: draft.status }}
        theirs={conflict}
        zone={zone}
        onCancel={() => setConflict(null)}
        onTakeTheirs={() => {
          const theirs = draftFrom({ post: conflict }, zone);
          setBase(conflict);
          setInitial(theirs);
          setDraft(theirs);
          setConflict(null);
          onChanged();
        }}
        onKeepMine={() => {
          setBase(conflict);
          setConflict(null);
          void save(conflict);
        }}
      />
    )}
    </>
  );
}
