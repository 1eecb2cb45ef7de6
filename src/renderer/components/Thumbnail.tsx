// Small previews of workspace images (made once in main, cached beside the media), for the ideas
// board, the editor, the media library and the calendar's preview card.
import { Center, Image } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MediaPath } from '../../shared/api/media';
import { call } from '../api/client';

const cache = new Map<string, Promise<string | null>>();

export function useThumbnail(src: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!src) return;
    if (/^https:\/\//.test(src)) return setUrl(src);
    if (!MediaPath.safeParse(src).success) return;
    let live = true;
    if (!cache.has(src)) cache.set(src, call('media.preview', { path: src, size: 'thumb' }).then((r) => r.dataUrl, () => null));
    void cache.get(src)!.then((dataUrl) => live && setUrl(dataUrl));
    return () => {
      live = false;
    };
  }, [src]);
  return url;
}

export function Thumbnail({ src, alt, height = 90, width }: { src: string; alt: string; height?: number; width?: number | string }) {
  const url = useThumbnail(src);
  if (!url) {
    return (
      <Center h={height} w={width} bg="gray.1" style={{ borderRadius: 4 }} aria-label={alt} role="img">
        <IconPhoto size={20} aria-hidden color="var(--mantine-color-gray-6)" />
      </Center>
    );
  }
  return <Image src={url} alt={alt} h={height} w={width} fit="cover" radius="sm" loading="lazy" />;
}

/** A file the user dropped or picked, as the API takes it. */
export async function uploadOf(file: File): Promise<{ name: string; dataBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, dataBase64: btoa(binary) };
}
