import { VitrineFilter } from './filter.js';

if (!customElements.get('vitrine-filter')) customElements.define('vitrine-filter', VitrineFilter);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-filter': VitrineFilter;
  }
}

export { VitrineFilter };
