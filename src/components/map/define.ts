import { VitrineMap } from './map.js';

if (!customElements.get('vitrine-map')) customElements.define('vitrine-map', VitrineMap);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-map': VitrineMap;
  }
}

export { VitrineMap };
