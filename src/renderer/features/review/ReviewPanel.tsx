// A saved post's review in the editor: its status and the next steps the current person may take
// (submit, approve, request changes with a comment, publish, archive, reopen), what must be fixed
// first, the comments thread and the post's history.
import { Alert, Badge, Button, Collapse, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCheck, IconMessage, IconSend, IconArrowBackUp, IconWorldUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { PostReview } from '../../../shared/api/reviews';
import { AUDIT_KIND_LABELS, type AuditEntry } from '../../../shared/domain/people';
import { STATUS_LABELS, type Post } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { isSuperseded, useLatest } from '../../app/latest';
import { useSession } from '../../app/session';

export const STATUS_COLORS: Record<Post['status'], string> = {
  draft: 'gray',
  in_review: 'blue',
  changes_requested: 'orange',
  approved: 'teal',
  exported: 'teal',
  published: 'teal',
  archived: 'gray',
};

const DECISIONS = new Set(['post.create', 'post.submit', 'post.approve', 'post.request_changes', 'post.export', 'post.publish', 'post.archive', 'post.reopen', 'compliance.override', 'post.changed_after_export']);

/** The post's review and history, reloaded after every step. */
export function usePostReview(postId: string | undefined, revision: number | undefined) {
  const [review, setReview] = useState<PostReview | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const latest = useLatest();
  const reload = useCallback(async () => {
    if (!postId) return;
    try {
      const [r, h] = await latest(() => Promise.all([call('reviews.get', { id: postId }), call('reviews.history', { postId })]));
      setReview(r);
      setHistory(h);
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the review');
    }
  }, [postId, latest]);
  useEffect(() => {
    void reload();
  }, [reload, revision]);
  return { review, history, reload };
}

export function ReviewPanel({
  post,
  review,
  dirty,
  onPost,
  onReload,
}: {
  post: Post;
  review: PostReview | null;
  dirty: boolean;
  onPost: (post: Post) => void;
  onReload: () => Promise<void>;
}) {
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [requestComment, setRequestComment] = useState('');

  const step = async (run: () => Promise<Post>, failure: string) => {
    setBusy(true);
    try {
      onPost(await run());
      await onReload();
    } catch (error) {
      showError(error, failure);
    } finally {
      setBusy(false);
    }
  };
  const ref = { id: post.id, revision: post.revision };
  const status = post.status;
  // a draft stops at errors; in review, blocking compliance findings stop approval too
  const blockers = (status === 'in_review' ? review?.blockers : review?.submitBlockers) ?? [];
  const hold = dirty ? 'Save your changes first' : null;

  return (
    <Stack gap="xs" className="sb-review" aria-label="Review">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Review
          </Text>
          <Badge color={STATUS_COLORS[status]} variant="light" tt="none" aria-label={`Status: ${STATUS_LABELS[status]}`}>
            {STATUS_LABELS[status]}
          </Badge>
          {hold && (
            <Text size="xs" c="dimmed">
              {hold} to move it on.
            </Text>
          )}
        </Group>
        <Group gap={6}>
          {(status === 'draft' || status === 'changes_requested') && can('planner') && (
            <Button size="xs" leftSection={<IconSend size={14} />} loading={busy} disabled={Boolean(hold) || blockers.length > 0} onClick={() => void step(() => call('reviews.submit', ref), 'Could not submit the post')}>
              Submit for review
            </Button>
          )}
          {status === 'in_review' && can('approver') && (
            <Button size="xs" leftSection={<IconCheck size={14} />} loading={busy} disabled={Boolean(hold) || blockers.length > 0} onClick={() => void step(() => call('reviews.approve', ref), 'Could not approve the post')}>
              Approve
            </Button>
          )}
          {(status === 'in_review' || status === 'approved') && can('approver') && (
            <Button size="xs" variant="light" color="orange" disabled={Boolean(hold)} onClick={() => setRequesting((v) => !v)} aria-expanded={requesting}>
              Request changes
            </Button>
          )}
          {(status === 'approved' || status === 'exported') && can('planner') && (
            <Button size="xs" variant="light" leftSection={<IconWorldUpload size={14} />} loading={busy} onClick={() => void step(() => call('reviews.publish', ref), 'Could not mark it published')}>
              Mark published
            </Button>
          )}
          {(status === 'in_review' || status === 'changes_requested' || status === 'archived') && can('planner') && (
            <Button size="xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={() => void step(() => call('reviews.reopen', ref), 'Could not reopen the post')}>
              Back to draft
            </Button>
          )}
          {status !== 'archived' && can('planner') && (
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconArchive size={14} />} loading={busy} onClick={() => void step(() => call('reviews.archive', ref), 'Could not archive the post')}>
              Archive
            </Button>
          )}
        </Group>
      </Group>
      {blockers.length > 0 && (status === 'draft' || status === 'changes_requested' || status === 'in_review') && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" title={status === 'in_review' ? 'Cannot be approved yet' : 'Fix before submitting'}>
          <List size="xs" spacing={2}>
            {blockers.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Collapse expanded={requesting}>
        <Group align="flex-end" gap="xs">
          <Textarea
            style={{ flex: 1 }}
            label="What needs to change?"
            autosize
            minRows={2}
            value={requestComment}
            onChange={(e) => setRequestComment(e.currentTarget.value)}
            error={requesting && requestComment.trim() === '' ? 'A comment is required' : undefined}
          />
          <Button
            size="sm"
            color="orange.9"
            disabled={requestComment.trim() === ''}
            loading={busy}
            onClick={() =>
              void step(async () => {
                const next = await call('reviews.requestChanges', { ...ref, comment: requestComment.trim() });
                setRequesting(false);
                setRequestComment('');
                return next;
              }, 'Could not send it back')
            }
          >
            Send back with comment
          </Button>
        </Group>
      </Collapse>
    </Stack>
  );
}

/** The comments thread (with change requests) and the post's history, at the end of the editor. */
export function ReviewDiscussion({ post, history, zone, onReload }: { post: Post; history: AuditEntry[]; zone: string; onReload: () => Promise<void> }) {
  const { current } = useSession();
  const [comment, setComment] = useState('');
  const [replyTo, setReplyTo] = useState<AuditEntry | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const all = history.filter((e) => e.kind === 'post.comment' || e.kind === 'post.request_changes');
  // one thread per comment: each reply under the comment it answers
  const comments = all.filter((c) => !c.body.replyTo).flatMap((root) => [root, ...all.filter((c) => c.body.replyTo === root.id)]);
  const decisions = history.filter((e) => DECISIONS.has(e.kind));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Comments
      </Text>
      <Stack gap={6} aria-label="Comments">
        {comments.map((c) => (
          <div key={c.id} className={`sb-comment${c.body.replyTo ? ' sb-comment-reply' : ''}`}>
            <Text size="xs" c="dimmed">
              <b>{c.actorName}</b> · {formatInstant(c.at, zone)}
              {c.kind === 'post.request_changes' ? ' · requested changes' : ''}
            </Text>
            <Text size="sm">{String(c.body.comment ?? c.body.text ?? '')}</Text>
            {current && !c.body.replyTo && (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setReplyTo(c)} aria-label={`Reply to the comment by ${c.actorName}`}>
                Reply
              </Button>
            )}
          </div>
        ))}
        {current && (
          <Group align="flex-end" gap="xs">
            <Textarea
              style={{ flex: 1 }}
              label={replyTo ? `Reply to ${replyTo.actorName}` : undefined}
              aria-label={replyTo ? undefined : 'Add a comment'}
              placeholder={replyTo ? 'Your reply' : 'Add a comment for the team'}
              autosize
              minRows={1}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {replyTo && (
              <Button size="sm" variant="subtle" color="gray" onClick={() => setReplyTo(null)}>
                Cancel reply
              </Button>
            )}
            <Button
              size="sm"
              variant="default"
              leftSection={<IconMessage size={14} />}
              disabled={comment.trim() === ''}
              onClick={async () => {
                try {
                  await call('reviews.comment', { postId: post.id, text: comment.trim(), replyTo: replyTo?.id ?? null });
                  setComment('');
                  setReplyTo(null);
                  await onReload();
                } catch (error) {
                  showError(error, 'Could not add the comment');
                }
              }}
            >
              {replyTo ? 'Reply' : 'Comment'}
            </Button>
          </Group>
        )}
      </Stack>
      <Button size="compact-xs" variant="subtle" color="gray" w="fit-content" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory}>
        {showHistory ? 'Hide history' : `History (${decisions.length})`}
      </Button>
      <Collapse expanded={showHistory}>
        <List size="xs" spacing={2} aria-label="History">
          {decisions.map((e) => (
            <List.Item key={e.id}>
              {formatInstant(e.at, zone)}: {AUDIT_KIND_LABELS[e.kind] ?? e.kind} by {e.actorName}
              {e.kind === 'compliance.override' ? ` (${String(e.body.ruleId)}: “${String(e.body.reason)}”)` : ''}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </Stack>
  );
}
