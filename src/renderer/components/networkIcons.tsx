// Each network's logo from Tabler's icon set (the SVG files, so the calendar can stamp them into
// its plain DOM event nodes as well as into React).
import facebook from '@tabler/icons/outline/brand-facebook.svg?raw';
import instagram from '@tabler/icons/outline/brand-instagram.svg?raw';
import linkedin from '@tabler/icons/outline/brand-linkedin.svg?raw';
import x from '@tabler/icons/outline/brand-x.svg?raw';
import threads from '@tabler/icons/outline/brand-threads.svg?raw';
import bluesky from '@tabler/icons/outline/brand-bluesky.svg?raw';
import mastodon from '@tabler/icons/outline/brand-mastodon.svg?raw';
import google from '@tabler/icons/outline/brand-google.svg?raw';
import world from '@tabler/icons/outline/world.svg?raw';
import { NETWORK_LABELS, type Network } from '../../shared/domain/schemas';

const SVG: Record<Network, string> = {
  facebook,
  instagram,
  linkedin,
  x,
  threads,
  bluesky,
  mastodon,
  google_business: google,
  other: world,
};

const templates = new Map<string, HTMLElement>();

/** A network's logo as a DOM node (cloned from one parsed template per network and size). */
export function networkIconNode(network: Network, size: number, title: string = NETWORK_LABELS[network]): HTMLElement {
  const key = `${network}:${size}`;
  let template = templates.get(key);
  if (!template) {
    template = document.createElement('span');
    template.className = `sb-net-icon sb-net-${network}`;
    template.innerHTML = SVG[network].replace('width="24"', `width="${size}"`).replace('height="24"', `height="${size}"`);
    template.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    templates.set(key, template);
  }
  const node = template.cloneNode(true) as HTMLElement;
  node.title = title;
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', title);
  return node;
}

/** The same logo in React; the markup is the icon set's own static SVG. */
export function NetworkIcon({ network, size = 16, title = NETWORK_LABELS[network] }: { network: Network; size?: number; title?: string }) {
  const svg = SVG[network].replace('width="24"', `width="${size}"`).replace('height="24"', `height="${size}"`).replace('<svg', '<svg aria-hidden="true"');
  return <span className={`sb-net-icon sb-net-${network}`} role="img" aria-label={title} title={title} dangerouslySetInnerHTML={{ __html: svg }} />;
}
