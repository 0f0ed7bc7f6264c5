import { VitrineTable } from './table.js';

if (!customElements.get('vitrine-table')) customElements.define('vitrine-table', VitrineTable);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-table': VitrineTable;
  }
}

export { VitrineTable };
