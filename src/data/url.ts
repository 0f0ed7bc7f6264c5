/**
 * URL helpers shared by the adapters and the HTTP client.
 */

function compare(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** Builds `base?params` with the parameters sorted by name, then value (a stable, shareable URL). */
export function buildUrl(base: string, params: readonly (readonly [string, string])[]): string {
  const sorted = [...params].sort(compare) as [string, string][];
  const search = new URLSearchParams(sorted).toString();
  return search === '' ? base : `${base}?${search}`;
}

/**
 * A cache key for a URL: the URL with its query parameters sorted (name, then value) and without its
 * fragment, so `?b=2&a=1` and `?a=1&b=2` share an entry. Text that is not a URL is its own key.
 */
export function cacheKey(url: string): string {
  try {
    const parsed = new URL(url);
    const params = [...parsed.searchParams.entries()];
    parsed.hash = '';
    parsed.search = '';
    return buildUrl(parsed.toString(), params);
  } catch {
    return url;
  }
}
