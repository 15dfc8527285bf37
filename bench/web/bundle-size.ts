import { gzipSync } from 'node:zlib';

/** One entry of Vite's build manifest (`build.manifest: true`, `.vite/manifest.json`). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Manifest keys of the chunks this one imports statically. */
  imports?: string[];
  /** Manifest keys of the chunks it imports on demand (`import()`). */
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The files (JS and CSS, paths relative to the build folder) a browser loads for the given
 * manifest keys: each chunk, every chunk it imports statically (transitively), and their CSS.
 * Dynamic imports are not followed: they load later, on demand.
 */
export function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/** The manifest key of the page's entry (`index.html`). */
export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry === true);
  if (entries.length !== 1)
    throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  return (entries[0] as [string, ManifestChunk])[0];
}

export interface LazyChunk {
  key: string;
  file: string;
  /** What loading it adds to what the first route loaded already. */
  extraFiles: string[];
}

/**
 * The chunks loaded on demand (every dynamic entry), each with the files it adds to `loaded`
 * (the first route's files): its own file, its CSS and static imports not loaded yet.
 */
export function lazyChunks(manifest: Manifest, loaded: ReadonlySet<string>): LazyChunk[] {
  return Object.entries(manifest)
    .filter(([, c]) => c.isDynamicEntry === true)
    .map(([key, c]) => ({
      key,
      file: c.file,
      extraFiles: [...staticClosure(manifest, [key])].filter((f) => !loaded.has(f)).sort(),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Bytes and gzip bytes (level 9, as a server precompressing assets would) of some content. */
export function sizeOf(content: Uint8Array): { bytes: number; gzip: number } {
  return { bytes: content.byteLength, gzip: gzipSync(content, { level: 9 }).byteLength };
}

/** The total of the sizes of some files, read through `read`. */
export function totalSize(
  files: Iterable<string>,
  read: (file: string) => Uint8Array,
): { bytes: number; gzip: number; files: number } {
  let bytes = 0;
  let gzip = 0;
  let count = 0;
  for (const file of files) {
    const size = sizeOf(read(file));
    bytes += size.bytes;
    gzip += size.gzip;
    count++;
  }
  return { bytes, gzip, files: count };
}

/** 123456 → "120.6 KB" (KiB, as bundlers print). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
