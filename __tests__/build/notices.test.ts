/**
 * The third-party notices beside each bundle (scripts/notices.mjs, written by scripts/build.mjs):
 * every package whose code is in a bundle has its licence text there, and a package without one
 * stops the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackages, readExtraNotices, renderNotices } from '../../scripts/notices.mjs';
import { removeDir, tempDir } from '../cli/cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** `name version` of each package esbuild's path comments show in a bundle. */
function packagesIn(bundle: string): string[] {
  const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
  const folders = new Set([...text.matchAll(/^\/\/ ((?:node_modules\/(?:@[^/\n]+\/)?[^/\n]+\/)+)/gm)].map((match) => match[1]!.replace(/\/$/, '')));
  return [...folders].map((folder) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as { name: string; version: string };
    return `${manifest.name} ${manifest.version}`;
  });
}

describe('dist/*.licenses.txt', () => {
  it.each([
    ['index.licenses.txt', ['index.js', 're2js.cjs', 'report-mode.js', 'proxy-fetch.js']],
    ['cli.licenses.txt', ['cli.js', 'proxy-fetch.js']],
  ])('%s carries the licence of every package bundled in %s', (notices, bundles) => {
    const text = readFileSync(join(ROOT, 'dist', notices), 'utf8');
    const headings = [...text.matchAll(/^={72}\n(.+) \(.+\)\n={72}$/gm)].map((match) => match[1]);
    const expected = [...new Set(bundles.flatMap(packagesIn))].sort();
    expect(expected.length).toBeGreaterThan(10);
    expect([...headings].sort()).toEqual(expected);
    expect(text).toContain('Permission is hereby granted, free of charge');
  });
});

describe('renderNotices', () => {
  const licence = 'MIT License\n\nCopyright (c) someone\n';
  const files = {
    'node_modules/with-licence/package.json': '{"name":"with-licence","version":"1.0.0","license":"MIT"}',
    'node_modules/with-licence/LICENSE.md': licence,
    'node_modules/with-licence/node_modules/nested/package.json': '{"name":"nested","version":"2.0.0","license":"ISC"}',
    'node_modules/with-licence/node_modules/nested/licence': 'ISC text\n',
    'node_modules/@scope/no-licence/package.json': '{"name":"@scope/no-licence","version":"0.1.0","license":"MIT"}',
    'node_modules/@scope/no-licence/README.md': '# nothing else\n',
    'data/rules.LICENSE': 'MIT License (rules)\n',
  };

  it('reads the packages of a metafile, nested copies included, and renders each licence once', () => {
    const root = tempDir(files);
    try {
      const metafile = {
        outputs: {
          'dist/x.js': {
            inputs: {
              'node_modules/with-licence/index.js': { bytesInOutput: 10 },
              'node_modules/with-licence/node_modules/nested/lib/a.js': { bytesInOutput: 5 },
              'node_modules/@scope/no-licence/unused.js': { bytesInOutput: 0 },
              'src/x.ts': { bytesInOutput: 3 },
            },
          },
        },
      };
      const folders = bundledPackages(metafile);
      expect(folders).toEqual(['node_modules/with-licence', 'node_modules/with-licence/node_modules/nested']);
      const text = renderNotices(root, { title: 'T', folders, extras: [{ name: 'rules derived from X (MIT)', licenseFile: 'data/rules.LICENSE' }] });
      expect(text).toContain(`with-licence 1.0.0 (MIT)\n${'='.repeat(72)}\n\n${licence}`);
      expect(text).toContain('nested 2.0.0 (ISC)');
      expect(text).toContain(`rules derived from X (MIT)\n${'='.repeat(72)}\n\nMIT License (rules)\n`);
    } finally {
      removeDir(root);
    }
  });

  it('fails, naming the package, when a bundled package ships no licence file', () => {
    const root = tempDir(files);
    try {
      expect(() => renderNotices(root, { title: 'T', folders: ['node_modules/@scope/no-licence', 'node_modules/with-licence'] })).toThrow(
        'no licence file in bundled package @scope/no-licence@0.1.0: its notice cannot ship',
      );
    } finally {
      removeDir(root);
    }
  });

  it('reads extra notices from a small list and refuses an entry whose file is missing', () => {
    const root = tempDir({ ...files, 'scripts/extra-notices.json': '[{"name":"rules","licenseFile":"data/rules.LICENSE"}]' });
    try {
      expect(readExtraNotices(root)).toEqual([{ name: 'rules', licenseFile: 'data/rules.LICENSE' }]);
      expect(readExtraNotices(root, 'missing.json')).toEqual([]);
    } finally {
      removeDir(root);
    }
    const broken = tempDir({ 'scripts/extra-notices.json': '[{"name":"rules","licenseFile":"gone.txt"}]' });
    try {
      expect(() => readExtraNotices(broken)).toThrow('scripts/extra-notices.json: rules: gone.txt does not exist');
    } finally {
      removeDir(broken);
    }
    expect(readExtraNotices(ROOT)).toEqual(expect.any(Array));
  });
});
