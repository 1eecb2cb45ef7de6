// The editor's images: added by dropping or picking files (copied into the media library) or
// chosen from the library, each with its alt text (asked for before the post can be submitted,
// within the strictest limit of the post's networks) and the people it shows (each needs a
// likeness release before approval).
import { ActionIcon, Button, FileButton, Group, Modal, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconLibraryPhoto, IconLink, IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { MediaItem } from '../../../shared/api/media';
import type { Network, PostImage } from '../../../shared/domain/schemas';
import { altTextLimit, DEFAULT_ALT_TEXT_LIMIT } from '../../../shared/text-rules';
import { Thumbnail } from '../../components/Thumbnail';
import { addImages, MediaGrid, useMediaLibrary } from '../media/MediaLibrary';
import { ImagePeople, useReleases } from '../review/ImagePeople';

const fromMedia = (item: MediaItem): PostImage => ({ src: item.path, alt: item.alt });

export function ImagesField({ images, zone, networks, onChange }: { images: PostImage[]; zone: string; networks: Network[]; onChange: (images: PostImage[]) => void }) {
  const [releases, reloadReleases] = useReleases(images.length > 0);
  const [choosing, setChoosing] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const limit = networks.length ? Math.min(...networks.map(altTextLimit)) : DEFAULT_ALT_TEXT_LIMIT;
  const add = async (files: File[]) => {
    const added = await addImages(files);
    if (added.length) onChange([...images, ...added.map(fromMedia)]);
  };
  const change = (index: number, patch: Partial<PostImage>) => onChange(images.map((im, i) => (i === index ? { ...im, ...patch } : im)));
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Images
        </Text>
        <Group gap={4}>
          <FileButton multiple accept="image/png,image/jpeg,image/gif,image/webp" onChange={(files) => void add(files)}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPhotoPlus size={14} />}>
                Add photos
              </Button>
            )}
          </FileButton>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconLibraryPhoto size={14} />} onClick={() => setChoosing(true)}>
            From the library
          </Button>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconLink size={14} />} onClick={() => onChange([...images, { src: 'https://', alt: '' }])}>
            By link
          </Button>
        </Group>
      </Group>
      <Paper
        withBorder
        p={images.length ? 6 : 'sm'}
        style={{ borderStyle: 'dashed', background: dragOver ? 'var(--mantine-color-blue-0)' : undefined }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={(e) => {
          setDragOver(false);
          if (!e.dataTransfer.files.length) return;
          e.preventDefault();
          e.stopPropagation();
          void add([...e.dataTransfer.files]);
        }}
      >
        {images.length === 0 && (
          <Text size="sm" c="dimmed" ta="center">
            Drop photos here, or use Add photos.
          </Text>
        )}
        <Stack gap="sm">
          {images.map((image, index) => (
            <Stack key={index} gap={4}>
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <Thumbnail src={image.src} alt={image.alt || `Image ${index + 1}`} height={72} width={96} />
                <Stack gap={4} style={{ flex: 1 }}>
                  {image.src.startsWith('media/') ? (
                    <Text size="xs" c="dimmed">
                      Image {index + 1} · in the media library
                    </Text>
                  ) : (
                    <TextInput size="xs" label={`Link to image ${index + 1}`} value={image.src} onChange={(e) => change(index, { src: e.currentTarget.value })} />
                  )}
                  <Textarea
                    size="xs"
                    autosize
                    minRows={1}
                    label={`Alt text for image ${index + 1}`}
                    description={`Needed before the post can be submitted · ${[...image.alt].length}/${limit.toLocaleString('en-US')}`}
                    placeholder="Describe the image for people using screen readers"
                    error={!image.alt.trim() ? 'Missing alt text' : [...image.alt].length > limit ? `Over the ${limit.toLocaleString('en-US')} characters one of the post's networks takes` : undefined}
                    value={image.alt}
                    onChange={(e) => change(index, { alt: e.currentTarget.value })}
                  />
                </Stack>
                <ActionIcon mt={18} variant="subtle" color="red" aria-label={`Remove image ${index + 1}`} onClick={() => onChange(images.filter((_, i) => i !== index))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <ImagePeople index={index} people={image.people ?? []} zone={zone} releases={releases} onRecorded={reloadReleases} onChange={(people) => change(index, { people })} />
            </Stack>
          ))}
        </Stack>
      </Paper>
      {choosing && <LibraryChooser onClose={() => setChoosing(false)} onPick={(item) => (onChange([...images, fromMedia(item)]), setChoosing(false))} />}
    </Stack>
  );
}

function LibraryChooser({ onClose, onPick }: { onClose: () => void; onPick: (item: MediaItem) => void }) {
  const [items] = useMediaLibrary();
  return (
    <Modal opened onClose={onClose} title="Choose an image from the library" size="xl">
      {items ? <MediaGrid items={items} onPick={onPick} /> : <Text>Loading…</Text>}
    </Modal>
  );
}
