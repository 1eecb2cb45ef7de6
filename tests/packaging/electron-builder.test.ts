// Packaging cannot run here (no Electron binary, no network), so the configuration is checked as data:
// against electron-builder's own JSON schema, and for the settings better-sqlite3 needs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import Ajv from 'ajv';

const ROOT = resolve(__dirname, '../..');
const config = parseYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const targetsOf = (platform: { target: unknown }): string[] =>
  (Array.isArray(platform.target) ? platform.target : [platform.target]).map((t: unknown) =>
    typeof t === 'string' ? t : (t as { target: string }).target,
  );

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Storybank');
    expect(pkg.productName).toBe(config.productName);
  });

  it('builds AppImage and deb for Linux, nsis for Windows and dmg for macOS', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
  });

  it('does not rebuild native modules and unpacks them from the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships the electron-vite output that package.json main points to, and no better-sqlite3 build/ dir', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.files).toContain('out/**');
    expect(config.files).toEqual(expect.arrayContaining([expect.stringMatching(/^!.*better-sqlite3\/\{[^}]*\bbuild\b[^}]*\}\/\*\*$/)]));
  });

  it('disables the dangerous Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the demo illustrations the demo workspace copies in', () => {
    expect(config.files).toContain('resources/demo-media/**');
    expect(readdirSync(join(ROOT, 'resources', 'demo-media')).filter((f: string) => f.endsWith('.png'))).toHaveLength(5);
  });

  it('uses an icon of at least 512x512 from resources/ on every platform', () => {
    for (const platform of ['linux', 'win', 'mac']) {
      const icon: string = config[platform].icon;
      expect(icon, platform).toMatch(/^resources\//);
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
    }
    expect(config.directories.buildResources).toBe('resources');
    const png = readFileSync(join(ROOT, 'resources/icon.png'));
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });
});
