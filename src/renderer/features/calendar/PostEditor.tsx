// The post editor: one post's fields, its review and discussion, and its saves (each with Undo).
// The field groups are in EditorFields, the form state in editorDraft, the saves in editorSave.
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { closuresOnDate, federalReserveHolidays } from '../../../shared/calendar-rules';
import { channelTime } from '../../../shared/posts';
import type { PostInput } from '../../../shared/api/contract';
import type { BlackoutPeriod, Post } from '../../../shared/domain/schemas';
import { zonedWallTimeToUtc } from '../../../shared/time';
import { ApiFailure, call } from '../../api/client';
import { fieldErrorsOf, isConflict, showError } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { useSession } from '../../app/session';
import { useConfirm } from '../../components/ConfirmDialog';
import { ComplianceFindings } from '../review/ComplianceFindings';
import { ReviewDiscussion, ReviewPanel, usePostReview } from '../review/ReviewPanel';
import { ChannelTexts } from './ChannelTexts';
import { ConflictDialog } from './ConflictDialog';
import { ChannelPicker, DiscardChangesDialog, LinkField, RepeatFields, SavedChecks, ScheduleFields } from './EditorFields';
import { draftFrom, draftToInput, EDITOR_FIELDS, trackedLinkOf, useDraft, type EditorTarget } from './editorDraft';
import { createSeriesUndoably, createUndoably, deleteUndoably, duplicateUndoably, updateUndoably } from './editorSave';
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
  const when = useMemo(
    () => (draft.date ? zonedWallTimeToUtc(draft.date, draft.time || '09:00', zone) : null),
    [draft.date, draft.time, zone],
  );
  // a planned post may go out on each channel at that channel's own slot time (channelOffsets)
  const offsets = existing?.channelOffsets ?? {};
  const instant = when?.instant ?? null;
  const channelTimes = instant
    ? selectedChannels.filter((c) => offsets[c.id]).map((c) => `${c.name} at ${formatInstant(channelTime({ scheduledAt: instant, channelOffsets: offsets }, c.id), zone)}`)
    : [];

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

  // delete and duplicate close the editor: the calendar shows the result, with Undo
  const act = (step: typeof deleteUndoably, failure: string) => async () => {
    if (!existing) return;
    try {
      await step({ undo, onChanged }, existing);
      onChanged();
      onClose();
    } catch (error) {
      showError(error, failure);
    }
  };
  const remove = act(deleteUndoably, 'Could not delete the post');
  const duplicate = act(duplicateUndoably, 'Could not duplicate the post');

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
          <ScheduleFields draft={draft} set={set} fieldErrors={fieldErrors} when={when} zone={zone} closures={closures} />
          <Select
            label="Category"
            placeholder="Choose a content pillar"
            data={categories.map((c) => ({ value: c.id, label: c.name }))}
            value={draft.categoryId}
            onChange={(v) => set('categoryId', v)}
            error={fieldErrors.categoryId}
            clearable
          />
          <ChannelPicker draft={draft} set={set} fieldErrors={fieldErrors} channels={channels} channelTimes={channelTimes} />
          <ChannelTexts
            channels={selectedChannels}
            baseText={draft.baseText}
            channelTexts={draft.channelTexts}
            images={draft.images}
            link={trackedLinkOf(draft)}
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
          <LinkField draft={draft} set={set} fieldErrors={fieldErrors} showUtm={showUtm} onShowUtm={setShowUtm} />
          {!existing && <RepeatFields draft={draft} set={set} />}
          {existing?.seriesId && (
            <Text size="xs" c="dimmed">
              Part of a recurring series: changes here apply to this occurrence only.
            </Text>
          )}
          {existing && <SavedChecks post={existing} />}
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
    <DiscardChangesDialog opened={confirmingClose} onKeepEditing={() => setConfirmingClose(false)} onDiscard={onClose} />
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
