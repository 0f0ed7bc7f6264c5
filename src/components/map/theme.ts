/**
 * Colours of `vitrine-map` from CSS: the element's custom properties (`--vitrine-map-*`, then the
 * global `--vitrine-color-*` tokens), resolved to plain `#rrggbb` that the map engine understands.
 * @module
 */
import type { MapTheme } from './layers.js';

let context: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour (`navy`, `#000091`, `rgb(…)`, `oklch(…)`) as `#rrggbb` (alpha dropped), or undefined
 * when the text is not a colour. Drawn on a 1×1 canvas, so whatever the browser understands works.
 */
export function cssColor(value: string): string | undefined {
  const text = value.trim();
  if (text === '' || /^currentcolor$/i.test(text) || !CSS.supports('color', text)) return undefined;
  if (context === undefined) {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) return undefined;
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000000';
  context.fillStyle = text;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance of `#rrggbb` (WCAG). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The map's colours, read from the element's computed style. */
export function readTheme(element: Element): MapTheme {
  const style = getComputedStyle(element);
  const read = (names: string[], fallback: string) => {
    for (const name of names) {
      const color = cssColor(style.getPropertyValue(name));
      if (color) return color;
    }
    return fallback;
  };
  const accent = read(['--vitrine-map-color', '--vitrine-color-accent'], '#000091');
  return {
    accent,
    onAccent: luminance(accent) > 0.18 ? '#1e1e1e' : '#ffffff',
    missing: read(['--vitrine-map-missing-color'], '#d0d0d0'),
    outline: read(['--vitrine-map-outline-color'], '#ffffff'),
    background: read(['--vitrine-map-background'], '#eef1f4'),
  };
}
