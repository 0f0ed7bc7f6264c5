/**
 * The map engine: maplibre-gl and its CSS. This module is only ever loaded with `import()` by
 * `vitrine-map`, so a page without a map never downloads it; bundlers give it a chunk of its own.
 *
 * maplibre fetches its worker (`maplibre-gl-worker.mjs`) from next to this chunk; the CDN build copies
 * it there. `setWorkerUrl` points it elsewhere (a self-hosted copy, see the `worker-url` attribute).
 * @module
 */
import { getWorkerUrl } from 'maplibre-gl';
import css from 'maplibre-gl/dist/maplibre-gl.css?inline';

export {
  Map,
  Popup,
  NavigationControl,
  FullscreenControl,
  ScaleControl,
  AttributionControl,
  setWorkerUrl,
} from 'maplibre-gl';

let sheet: CSSStyleSheet | undefined;

/** maplibre's CSS as a constructed style sheet, to adopt in a shadow root (one sheet for every map). */
export function engineStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/**
 * Where maplibre loads its worker from: the address given with `setWorkerUrl`, else its file next to
 * this chunk (maplibre's own default, which it does not expose).
 */
export function workerUrl(): string {
  return getWorkerUrl() || new URL('./maplibre-gl-worker.mjs', import.meta.url).href;
}
