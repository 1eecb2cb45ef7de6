// Draws the demo workspace's five illustrations (our own, flat-colour PNGs) into
// resources/demo-media/. Run once: `npx tsx scripts/make-demo-images.ts`; the files are committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const W = 600;
const H = 400;
type RGB = [number, number, number];
const hex = (h: string): RGB => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

class Canvas {
  readonly px = new Uint8Array(W * H * 3);
  set(x: number, y: number, c: RGB): void {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const i = (Math.floor(y) * W + Math.floor(x)) * 3;
    this.px[i] = c[0];
    this.px[i + 1] = c[1];
    this.px[i + 2] = c[2];
  }
  fill(test: (x: number, y: number) => boolean, c: RGB, box = { x0: 0, y0: 0, x1: W, y1: H }): void {
    for (let y = Math.max(0, box.y0); y < Math.min(H, box.y1); y++) for (let x = Math.max(0, box.x0); x < Math.min(W, box.x1); x++) if (test(x + 0.5, y + 0.5)) this.set(x, y, c);
  }
  gradient(top: RGB, bottom: RGB, y0 = 0, y1 = H): void {
    for (let y = y0; y < y1; y++) {
      const t = (y - y0) / (y1 - y0);
      const c: RGB = [0, 1, 2].map((k) => Math.round(top[k] + (bottom[k] - top[k]) * t)) as RGB;
      for (let x = 0; x < W; x++) this.set(x, y, c);
    }
  }
  rect(x: number, y: number, w: number, h: number, c: RGB, r = 0): void {
    this.fill((px, py) => {
      const dx = Math.max(x + r - px, 0, px - (x + w - r));
      const dy = Math.max(y + r - py, 0, py - (y + h - r));
      return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
    }, c, { x0: Math.floor(x), y0: Math.floor(y), x1: Math.ceil(x + w), y1: Math.ceil(y + h) });
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, c: RGB): void {
    this.fill((x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1, c, { x0: Math.floor(cx - rx), y0: Math.floor(cy - ry), x1: Math.ceil(cx + rx), y1: Math.ceil(cy + ry) });
  }
  triangle(a: [number, number], b: [number, number], d: [number, number], c: RGB): void {
    const side = (p: [number, number], q: [number, number], x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
    this.fill((x, y) => {
      const s1 = side(a, b, x, y), s2 = side(b, d, x, y), s3 = side(d, a, x, y);
      return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }, c);
  }
  person(x: number, y: number, scale: number, shirt: RGB, skin: RGB): void {
    this.rect(x - 28 * scale, y, 56 * scale, 90 * scale, shirt, 26 * scale);
    this.ellipse(x, y - 22 * scale, 22 * scale, 24 * scale, skin);
  }
  png(): Buffer {
    const raw = Buffer.alloc((W * 3 + 1) * H);
    for (let y = 0; y < H; y++) {
      raw[y * (W * 3 + 1)] = 0;
      Buffer.from(this.px.buffer, y * W * 3, W * 3).copy(raw, y * (W * 3 + 1) + 1);
    }
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(W, 0);
    ihdr.writeUInt32BE(H, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  }
}

const skin = [hex('#f1c27d'), hex('#c68642'), hex('#8d5524'), hex('#e0ac69')];
const scenes: Record<string, (c: Canvas) => void> = {
  'team-photo': (c) => {
    c.gradient(hex('#dbeafe'), hex('#f8fafc'), 0, 260);
    c.rect(0, 260, W, 140, hex('#d6d3d1'));
    c.rect(120, 90, 360, 190, hex('#f5f5f4'));
    c.triangle([100, 95], [500, 95], [300, 30], hex('#1f7a8c'));
    for (let i = 0; i < 5; i++) c.rect(150 + i * 66, 110, 22, 150, hex('#e7e5e4'));
    c.rect(265, 190, 70, 90, hex('#1f7a8c'), 6);
    c.person(200, 280, 1.1, hex('#2f9e44'), skin[0]);
    c.person(300, 290, 1.2, hex('#1971c2'), skin[1]);
    c.person(400, 280, 1.1, hex('#f08c00'), skin[2]);
  },
  community: (c) => {
    c.gradient(hex('#fde68a'), hex('#fef9c3'), 0, 250);
    c.ellipse(480, 80, 45, 45, hex('#f59e0b'));
    c.rect(0, 250, W, 150, hex('#86efac'));
    for (const [x, s] of [[80, 1], [170, 0.8], [520, 1.1]] as const) {
      c.rect(x - 8 * s, 170, 16 * s, 90, hex('#78350f'));
      c.ellipse(x, 160, 55 * s, 60 * s, hex('#15803d'));
    }
    c.rect(230, 230, 160, 18, hex('#92400e'), 4);
    c.person(270, 250, 0.9, hex('#7048e8'), skin[3]);
    c.person(350, 250, 0.9, hex('#e03131'), skin[1]);
    c.person(440, 300, 0.6, hex('#1971c2'), skin[0]);
  },
  'question-card': (c) => {
    c.gradient(hex('#fff7ed'), hex('#ffedd5'));
    c.rect(90, 60, 420, 230, hex('#f08c00'), 40);
    c.triangle([180, 280], [260, 280], [170, 350], hex('#f08c00'));
    // a question mark from arcs and a dot
    c.fill((x, y) => {
      const d = Math.hypot(x - 300, y - 140);
      return d >= 32 && d <= 56 && !(y > 140 && x < 300);
    }, hex('#ffffff'));
    c.rect(288, 180, 24, 40, hex('#ffffff'), 6);
    c.ellipse(300, 248, 15, 15, hex('#ffffff'));
  },
  'tip-card': (c) => {
    c.gradient(hex('#ede9fe'), hex('#f5f3ff'));
    const bars = [90, 140, 120, 190, 240];
    bars.forEach((h, i) => c.rect(100 + i * 60, 320 - h, 40, h, hex('#7048e8'), 6));
    for (let i = 0; i < 5; i++) c.ellipse(470, 320 - i * 22, 60, 16, i % 2 ? hex('#fbbf24') : hex('#f59e0b'));
    c.rect(60, 320, 480, 6, hex('#4c1d95'));
  },
  product: (c) => {
    c.gradient(hex('#fee2e2'), hex('#fff1f2'));
    c.rect(130, 90, 340, 215, hex('#e03131'), 22);
    c.rect(165, 150, 60, 45, hex('#fcd34d'), 8);
    c.rect(165, 235, 240, 16, hex('#fecaca'), 6);
    c.rect(165, 262, 140, 12, hex('#fecaca'), 6);
    c.ellipse(410, 140, 24, 24, hex('#fca5a5'));
    c.ellipse(436, 140, 24, 24, hex('#fecaca'));
  },
};

const out = path.join(__dirname, '..', 'resources', 'demo-media');
fs.mkdirSync(out, { recursive: true });
for (const [name, draw] of Object.entries(scenes)) {
  const canvas = new Canvas();
  draw(canvas);
  fs.writeFileSync(path.join(out, `${name}.png`), canvas.png());
}
