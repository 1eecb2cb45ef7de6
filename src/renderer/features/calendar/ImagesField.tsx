// The editor's images: a source, alt text and the people each image shows (each needs a
// likeness release before approval).
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import type { PostImage } from '../../../shared/domain/schemas';
import { ImagePeople, useReleases } from '../review/ImagePeople';

export function ImagesField({ images, zone, onChange }: { images: PostImage[]; zone: string; onChange: (images: PostImage[]) => void }) {
  const [releases, reloadReleases] = useReleases(images.length > 0);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Images
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPhotoPlus size={14} />}
          onClick={() => onChange([...images, { src: '', alt: '' }])}
        >
          Add image
        </Button>
      </Group>
      {images.map((image, index) => (
        <Stack key={index} gap={4}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={`Image ${index + 1}`}
            placeholder="media/photo.jpg or https://…"
            value={image.src}
            onChange={(e) => onChange(images.map((im, i) => (i === index ? { ...im, src: e.currentTarget.value } : im)))}
          />
          <TextInput
            style={{ flex: 2 }}
            label={`Alt text for image ${index + 1}`}
            placeholder="Describe the image for people using screen readers"
            error={image.src.trim() && !image.alt.trim() ? 'Missing alt text' : undefined}
            value={image.alt}
            onChange={(e) => onChange(images.map((im, i) => (i === index ? { ...im, alt: e.currentTarget.value } : im)))}
          />
          <ActionIcon
            mt={24}
            variant="subtle"
            color="red"
            aria-label={`Remove image ${index + 1}`}
            onClick={() => onChange(images.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <ImagePeople index={index} people={image.people ?? []} zone={zone} releases={releases} onRecorded={reloadReleases} onChange={(people) => onChange(images.map((im, i) => (i === index ? { ...im, people } : im)))} />
        </Stack>
      ))}
    </Stack>
  );
}
