import { VitrineSource } from './source.js';

if (!customElements.get('vitrine-source')) customElements.define('vitrine-source', VitrineSource);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-source': VitrineSource;
  }
}

export { VitrineSource };
