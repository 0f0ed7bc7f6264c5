import { VitrineChart } from './chart.js';

if (!customElements.get('vitrine-chart')) customElements.define('vitrine-chart', VitrineChart);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-chart': VitrineChart;
  }
}

export { VitrineChart };
