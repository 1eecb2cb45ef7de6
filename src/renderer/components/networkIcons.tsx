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

// The calendar stamps hundreds of these per month: one element each, the logo drawn as a CSS
// mask in the text colour (an inline SVG would add six to eight nodes per icon to lay out).
let masksInstalled = false;
function installMasks(): void {
  if (masksInstalled) return;
  masksInstalled = true;
  const style = document.createElement('style');
  style.textContent = Object.entries(SVG)
    .map(([network, svg]) => `.sb-net-mask.sb-net-${network}{--sb-net-logo:url("data:image/svg+xml,${encodeURIComponent(svg)}")}`)
    .join('\n');
  document.head.append(style);
}

/** A network's logo as one DOM node (for the calendar's plain-DOM event content). */
export function networkIconNode(network: Network, size: number, title: string = NETWORK_LABELS[network]): HTMLElement {
  installMasks();
  const node = document.createElement('span');
  node.className = `sb-net-mask sb-net-${network}`;
  node.style.width = node.style.height = `${size}px`;
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
