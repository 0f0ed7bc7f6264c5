import { VitrineFilters } from './filters.js';

if (!customElements.get('vitrine-filters')) customElements.define('vitrine-filters', VitrineFilters);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-filters': VitrineFilters;
  }
}

export { VitrineFilters };
