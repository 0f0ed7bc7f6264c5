// @ts-check
/** A started portal for a test file, and a small client for it. */
import { before, after } from 'node:test';
import { startPortal } from '../../demo/portal/server.js';

export const API = '/api/explore/v2.1/catalog/datasets';

/** Starts a portal before the file's tests and stops it after; returns an accessor. */
export function usePortal(options = {}) {
  /** @type {import('../../demo/portal/server.js').Portal | undefined} */
  let portal;
  before(async () => {
    portal = await startPortal({ port: 0, quiet: true, ...options });
  });
  after(async () => {
    await portal?.close();
  });
  return {
    get url() {
      if (!portal) throw new Error('portal not started');
      return portal.url;
    },
    /**
     * GET a path (relative to the portal) with query parameters; returns status, headers and parsed body.
     * @param {string} path
     * @param {Record<string, string | string[]>} [query]
     * @param {RequestInit} [init]
     */
    async get(path, query = {}, init = {}) {
      const url = new URL(path, this.url);
      for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) url.searchParams.append(k, one);
      const res = await fetch(url, init);
      const text = await res.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: res.status, headers: res.headers, body, text };
    },
    /** @param {string} id @param {Record<string, string | string[]>} [query] */
    records(id, query) {
      return this.get(`${API}/${id}/records`, query);
    },
  };
}
