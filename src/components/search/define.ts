import { VitrineSearch } from './search.js';

if (!customElements.get('vitrine-search')) customElements.define('vitrine-search', VitrineSearch);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-search': VitrineSearch;
  }
}

export { VitrineSearch };
