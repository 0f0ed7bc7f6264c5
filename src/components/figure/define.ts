import { VitrineFigure } from './figure.js';

if (!customElements.get('vitrine-figure')) customElements.define('vitrine-figure', VitrineFigure);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-figure': VitrineFigure;
  }
}

export { VitrineFigure };
