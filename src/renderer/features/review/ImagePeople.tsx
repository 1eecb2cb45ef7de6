// Who an image shows, and whether each of them signed a likeness release: no release, no approval.
// Recording a release here says the signed form is on file (the date it was signed, by whom recorded).
import { Badge, Button, FileButton, Group, TagsInput, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { LikenessRelease } from '../../../shared/api/reviews';
import { personKey as key } from '../../../shared/domain/people';
import { call } from '../../api/client';
import { base64Bytes, downloadFile } from '../../app/download';
import { showError } from '../../app/errors';
import { uploadOf } from '../../components/Thumbnail';
import { formatDate, todayIn } from '../../app/format';
import { useSession } from '../../app/session';


/** The workspace's releases by person, loaded once for all of a post's images. */
export function useReleases(enabled: boolean): [Map<string, LikenessRelease>, () => Promise<void>] {
  const [releases, setReleases] = useState<Map<string, LikenessRelease>>(new Map());
  const load = useCallback(async () => {
    try {
      setReleases(new Map((await call('releases.list', {})).map((r) => [key(r.person), r])));
    } catch (error) {
      showError(error, 'Could not load likeness releases');
    }
  }, []);
  useEffect(() => {
    if (enabled) void load();
  }, [load, enabled]);
  return [releases, load];
}

export function ImagePeople({
  index,
  people,
  zone,
  releases,
  onRecorded,
  onChange,
}: {
  index: number;
  people: string[];
  zone: string;
  releases: Map<string, LikenessRelease>;
  onRecorded: () => Promise<void>;
  onChange: (people: string[]) => void;
}) {
  return (
    <div>
      <TagsInput
        size="xs"
        label={`People in image ${index + 1}`}
        description="Each person shown needs a signed likeness release before approval."
        placeholder="Type a name, press Enter"
        value={people}
        onChange={onChange}
        data={[...releases.values()].map((r) => r.person)}
      />
      {people.length > 0 && (
        <Group gap={6} mt={4}>
          {people.map((person) => (
            <ReleaseStatus key={person} person={person} release={releases.get(key(person))} zone={zone} onRecorded={onRecorded} />
          ))}
        </Group>
      )}
      {people.length === 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          Nobody named: fine for a photo of a building or a logo.
        </Text>
      )}
    </div>
  );
}

/** Whether a person's likeness release is on file (with its scan, if one was kept), with buttons to record it when it is not. */
export function ReleaseStatus({ person, release, zone, onRecorded }: { person: string; release: LikenessRelease | null | undefined; zone: string; onRecorded: () => Promise<void> }) {
  const { can } = useSession();
  const record = async (scan?: File | null) => {
    try {
      await call('releases.record', { person, given: true, signedOn: todayIn(zone), ...(scan ? { scan: await uploadOf(scan) } : {}) });
      await onRecorded();
    } catch (error) {
      showError(error, 'Could not record the release');
    }
  };
  if (release?.given) {
    return (
      <Group gap={4}>
        <Badge color="teal" variant="light" tt="none">
          {person}: release signed {formatDate(release.signedOn)}
        </Badge>
        {release.scan && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={async () => {
              try {
                const scan = await call('releases.scan', { person });
                downloadFile(scan.name, base64Bytes(scan.dataBase64), scan.type);
              } catch (error) {
                showError(error, 'Could not open the scan');
              }
            }}
          >
            Scan
          </Button>
        )}
      </Group>
    );
  }
  return (
    <Group gap={4}>
      <Badge color="red" variant="light" tt="none">
        {person}: {release ? 'release refused' : 'no release on file'}
      </Badge>
      {!release && can('planner') && (
        <>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void record()}>
            Record the signed release
          </Button>
          <FileButton accept="application/pdf,image/png,image/jpeg,image/gif,image/webp" onChange={(file) => file && void record(file)}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="subtle" color="gray">
                … with its scan
              </Button>
            )}
          </FileButton>
        </>
      )}
    </Group>
  );
}
