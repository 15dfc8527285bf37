import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  entryKey,
  formatKb,
  lazyChunks,
  sizeOf,
  staticClosure,
  totalSize,
  type Manifest,
} from './bundle-size.ts';

// The shape of a Vite manifest: an entry importing a shared chunk statically and two pages on
// demand, one of which shares a vendor chunk with the entry.
const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react-b.js'],
    dynamicImports: ['src/list.tsx', 'src/admin.tsx'],
    css: ['assets/index-a.css'],
  },
  '_react-b.js': { file: 'assets/react-b.js' },
  '_charts-c.js': { file: 'assets/charts-c.js', imports: ['_react-b.js'] },
  'src/list.tsx': {
    file: 'assets/list-d.js',
    src: 'src/list.tsx',
    isDynamicEntry: true,
    imports: ['_react-b.js'],
    css: ['assets/list-d.css'],
  },
  'src/admin.tsx': {
    file: 'assets/admin-e.js',
    src: 'src/admin.tsx',
    isDynamicEntry: true,
    imports: ['_charts-c.js'],
  },
};

describe('the bundle-size measure of bench:web', () => {
  it('follows static imports and CSS, not dynamic imports', () => {
    expect([...staticClosure(MANIFEST, ['index.html'])].sort()).toEqual([
      'assets/index-a.css',
      'assets/index-a.js',
      'assets/react-b.js',
    ]);
    expect([...staticClosure(MANIFEST, ['index.html', 'src/list.tsx'])].sort()).toEqual([
      'assets/index-a.css',
      'assets/index-a.js',
      'assets/list-d.css',
      'assets/list-d.js',
      'assets/react-b.js',
    ]);
  });

  it('counts a chunk shared by two paths once', () => {
    const files = staticClosure(MANIFEST, ['src/list.tsx', 'src/admin.tsx', 'index.html']);
    expect([...files].filter((f) => f === 'assets/react-b.js')).toHaveLength(1);
  });

  it('gives each lazy chunk what it adds to the first route', () => {
    const first = staticClosure(MANIFEST, ['index.html', 'src/list.tsx']);
    expect(lazyChunks(MANIFEST, first)).toEqual([
      {
        key: 'src/admin.tsx',
        file: 'assets/admin-e.js',
        extraFiles: ['assets/admin-e.js', 'assets/charts-c.js'],
      },
      { key: 'src/list.tsx', file: 'assets/list-d.js', extraFiles: [] },
    ]);
  });

  it('refuses a manifest without exactly one entry or naming a missing chunk', () => {
    expect(() => entryKey({})).toThrow(/one entry/);
    expect(() =>
      entryKey({ a: { file: 'a.js', isEntry: true }, b: { file: 'b.js', isEntry: true } }),
    ).toThrow(/found 2/);
    expect(entryKey(MANIFEST)).toBe('index.html');
    expect(() => staticClosure(MANIFEST, ['src/missing.tsx'])).toThrow(/no chunk src\/missing/);
    expect(() =>
      staticClosure({ 'index.html': { file: 'i.js', imports: ['_gone.js'] } }, ['index.html']),
    ).toThrow(/_gone\.js/);
  });

  it('measures bytes and gzip bytes of what it reads', () => {
    const repetitive = new TextEncoder().encode('export const x = 1;\n'.repeat(500));
    const size = sizeOf(repetitive);
    expect(size.bytes).toBe(repetitive.byteLength);
    expect(size.gzip).toBe(gzipSync(repetitive, { level: 9 }).byteLength);
    expect(size.gzip).toBeLessThan(size.bytes / 10);
    const contents: Record<string, Uint8Array> = { a: repetitive, b: new Uint8Array(10) };
    const total = totalSize(['a', 'b'], (f) => contents[f] as Uint8Array);
    expect(total.files).toBe(2);
    expect(total.bytes).toBe(repetitive.byteLength + 10);
    expect(total.gzip).toBe(size.gzip + sizeOf(new Uint8Array(10)).gzip);
    expect(formatKb(2048)).toBe('2.0 KB');
  });
});
