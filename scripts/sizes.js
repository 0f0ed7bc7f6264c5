// @ts-check
/**
 * Size table of the CDN build: raw, gzip and brotli per file, and per page scenario (what a page
 * that uses only some elements downloads: the entry, plus the chunks those elements pull in).
 * @module
 */
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/**
 * @typedef {{ fileName: string, code: string, imports: string[], dynamicImports: string[], facadeModuleId: string | null, moduleIds: string[] }} ChunkInfo
 */

/** @param {string} code */
export function measure(code) {
  const buffer = Buffer.from(code);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Files a page loads when it uses the elements whose modules match `wanted`: the entry's static
 * closure, plus the static closure of each dynamic import whose facade module matches.
 * @param {ChunkInfo[]} chunks
 * @param {string} entry
 * @param {RegExp[]} wanted
 */
export function scenarioFiles(chunks, entry, wanted) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  /** @param {string} name */
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  visit(entry);
  const queue = [...seen];
  const dynamicSeen = new Set();
  while (queue.length > 0) {
    const chunk = byName.get(/** @type {string} */ (queue.shift()));
    for (const dyn of chunk?.dynamicImports ?? []) {
      if (dynamicSeen.has(dyn)) continue;
      const target = byName.get(dyn);
      if (!target?.facadeModuleId || !wanted.some((re) => re.test(target.facadeModuleId ?? ''))) continue;
      dynamicSeen.add(dyn);
      const before = new Set(seen);
      visit(dyn);
      for (const name of seen) if (!before.has(name)) queue.push(name);
    }
  }
  return [...seen];
}

/** @param {number} bytes */
export const kb = (bytes) => (bytes / 1024).toFixed(1);
