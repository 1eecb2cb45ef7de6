// The media library: every image in the workspace (copied in once, named by its SHA-256, never
// modified), with its size, pixel size and where it is used; add images by dropping or picking.
import { Badge, Button, FileButton, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPhotoPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { MediaItem } from '../../../shared/api/media';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { isSuperseded, useLatest } from '../../app/latest';
import { Thumbnail, uploadOf } from '../../components/Thumbnail';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Copies dropped or picked images into the workspace; returns the ones that made it. */
export async function addImages(files: File[]): Promise<MediaItem[]> {
  const added: MediaItem[] = [];
  for (const file of files) {
    try {
      added.push(await call('media.add', await uploadOf(file)));
    } catch (error) {
      showError(error, `Could not add ${file.name}`);
    }
  }
  return added;
}

export function useMediaLibrary(): [MediaItem[] | null, () => Promise<void>] {
  const [items, setItems] = useState<MediaItem[] | null>(null);
  const latest = useLatest();
  const reload = useCallback(async () => {
    try {
      setItems(await latest(() => call('media.list', {})));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the media library');
    }
  }, [latest]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [items, reload];
}

/** The grid of images, searchable; `onPick` turns it into a chooser for the post editor. */
export function MediaGrid({ items, onPick }: { items: MediaItem[]; onPick?: (item: MediaItem) => void }) {
  const [search, setSearch] = useState('');
  const text = search.trim().toLowerCase();
  const shown = items.filter((item) => !text || [item.originalName, item.alt, ...item.usedBy.map((u) => u.title)].some((s) => s.toLowerCase().includes(text)));
  return (
    <Stack gap="sm">
      <TextInput aria-label="Search images" placeholder="Search by name, alt text or where it is used" leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} />
      {shown.length === 0 ? (
        <Text c="dimmed">{items.length ? 'No image matches.' : 'No images yet: drop photos here, or add them to a post or an idea.'}</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 6 }} spacing="sm" role="list" aria-label="Images">
          {shown.map((item) => (
            <Paper key={item.sha256} withBorder p={6} role="listitem" aria-label={item.originalName || item.path}>
              <Thumbnail src={item.path} alt={item.alt || item.originalName} height={120} />
              <Text size="xs" fw={600} mt={4} lineClamp={1} title={item.originalName}>
                {item.originalName || item.path.slice(6, 18)}
              </Text>
              <Text size="xs" c="dimmed">
                {item.width && item.height ? `${item.width}×${item.height} · ` : ''}
                {size(item.bytes)}
              </Text>
              <Group gap={4} mt={2}>
                {item.usedBy.length === 0 ? (
                  <Badge size="xs" variant="outline" color="gray">Not used</Badge>
                ) : (
                  <Text size="xs" lineClamp={2}>
                    {item.usedBy.map((u) => `${u.kind === 'idea' ? 'Idea' : 'Post'}: ${u.title}`).join('; ')}
                  </Text>
                )}
              </Group>
              {onPick && (
                <Button size="compact-xs" mt={4} fullWidth variant="light" onClick={() => onPick(item)}>
                  Use this image
                </Button>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function MediaLibraryPage() {
  const [items, reload] = useMediaLibrary();
  const add = async (files: File[]) => {
    if ((await addImages(files)).length) await reload();
  };
  return (
    <Stack
      gap="md"
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        void add([...e.dataTransfer.files]);
      }}
    >
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Media library
          </Title>
          <Text c="dimmed" size="sm">
            Every image of the workspace, kept as it was added (never changed), to find and reuse. Drop photos here to add them.
          </Text>
        </div>
        <FileButton multiple accept="image/png,image/jpeg,image/gif,image/webp" onChange={(files) => void add(files)}>
          {(props) => (
            <Button {...props} leftSection={<IconPhotoPlus size={16} />}>
              Add images
            </Button>
          )}
        </FileButton>
      </Group>
      {items === null ? <Loader aria-label="Loading images" /> : <MediaGrid items={items} />}
    </Stack>
  );
}
