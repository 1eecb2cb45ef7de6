import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseHtml } from 'parse5';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/main/csp';

// Google's CSP Evaluator, as packaged by Doyensec (Electronegativity's own CSP check).
type CspFinding = { severity: number; directive: string; value: string; description: string };
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: number) => { evaluate(): CspFinding[] };
  Version: { CSP3: number };
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'MEDIUM_MAYBE' | 'INFO', number>;
};

const directives = (policy: string): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name.toLowerCase(), sources);
  }
  return map;
};

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself (no inline, no eval)', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('has exactly the agreed directives', () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // Mantine and FullCalendar inject <style> at runtime.
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'https:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('has no high, medium or syntax finding in CSP Evaluator', () => {
    const { CspParser, CspEvaluator, Version, severities } = cspEvaluator;
    const blocking = [severities.HIGH, severities.SYNTAX, severities.MEDIUM];
    const findings = new CspEvaluator(new CspParser(CONTENT_SECURITY_POLICY).csp, Version.CSP3).evaluate();
    expect(findings.filter((f) => blocking.includes(f.severity))).toEqual([]);
    // The evaluator itself is strict enough to catch a weak policy.
    const weak = new CspEvaluator(new CspParser("script-src 'self' 'unsafe-inline'").csp, Version.CSP3).evaluate();
    expect(weak.some((f) => blocking.includes(f.severity))).toBe(true);
  });

  it('drops only frame-ancestors for the meta tag (browsers ignore it there)', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    policy.delete('frame-ancestors');
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(policy));
  });
});

describe('src/renderer/index.html', () => {
  it('carries the same policy in its Content-Security-Policy meta tag', () => {
    const html = readFileSync(join(resolve(__dirname, '../..'), 'src/renderer/index.html'), 'utf8');
    type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
    const metas: Node[] = [];
    const walk = (node: Node) => {
      if (node.nodeName === 'meta') metas.push(node);
      node.childNodes?.forEach(walk);
    };
    walk(parseHtml(html) as unknown as Node);
    const cspMetas = metas.filter((m) =>
      m.attrs?.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'content-security-policy'),
    );
    expect(cspMetas).toHaveLength(1);
    const content = cspMetas[0].attrs!.find((a) => a.name === 'content')!.value;
    expect(Object.fromEntries(directives(content))).toEqual(Object.fromEntries(directives(META_CONTENT_SECURITY_POLICY)));
  });
});
