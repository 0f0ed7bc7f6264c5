import { css } from 'lit';

export const mapStyles = css`
  :host {
    min-height: var(--vitrine-map-height, 28rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    height: var(--vitrine-map-height, 28rem);
  }
  .base:fullscreen {
    height: 100%;
    padding: 0.75rem;
    background: var(--vitrine-color-background, #ffffff);
  }
  .title {
    margin: 0;
    font-size: var(--vitrine-map-title-size, 1.125rem);
    font-weight: 700;
    line-height: 1.3;
  }
  .box {
    position: relative;
    flex: 1 1 auto;
    min-height: 8rem;
    overflow: hidden;
    border-radius: var(--vitrine-map-radius, 0.25rem);
    background: var(--vitrine-map-background, #eef1f4);
  }
  /* More specific than maplibre's .maplibregl-map (position: relative), adopted after these styles. */
  .box > .map {
    position: absolute;
    inset: 0;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 1rem;
    text-align: center;
  }
  .overlay .skeleton {
    position: absolute;
    inset: 0;
    width: auto;
    height: auto;
    border-radius: 0;
  }
  .overlay.state {
    color: var(--vitrine-color-muted, #3a3a3a);
    background: color-mix(in srgb, var(--vitrine-map-background, #eef1f4) 85%, transparent);
  }
  .overlay.state[part~='error'] {
    color: var(--vitrine-color-error, #ce0500);
  }
  .busy {
    position: absolute;
    top: 0.5rem;
    left: 50%;
    transform: translateX(-50%);
    padding: 0.125rem 0.5rem;
    border-radius: 1rem;
    background: #ffffffe6;
    color: #1e1e1e;
    font-size: 0.8125rem;
    z-index: 3;
  }
  .legend {
    position: absolute;
    left: 0.5rem;
    bottom: 0.5rem;
    z-index: 2;
    max-width: min(18rem, 60%);
    max-height: calc(100% - 1rem);
    overflow: auto;
    padding: 0.5rem 0.625rem;
    border-radius: 0.25rem;
    background: #fffffff0;
    color: #1e1e1e;
    box-shadow: 0 1px 3px #0000004d;
    font-size: 0.8125rem;
    line-height: 1.35;
  }
  .legend-title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .legend-subtitle {
    display: block;
    font-weight: 600;
  }
  .swatches {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .swatches li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    flex: none;
    width: 0.875rem;
    height: 0.875rem;
    border: 1px solid #0000004d;
  }
  .swatch.circle {
    border-radius: 50%;
  }
  .swatch.line {
    border: 0;
    width: 1.25rem;
  }
  .swatch-label {
    overflow-wrap: anywhere;
  }
  .gradient .ramp {
    display: block;
    width: 10rem;
    max-width: 100%;
    height: 0.625rem;
    border: 1px solid #0000004d;
  }
  .gradient .ends {
    display: flex;
    justify-content: space-between;
    width: 10rem;
    max-width: 100%;
  }
  .size-key {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .dot {
    display: inline-block;
    border-radius: 50%;
    border: 1px solid #1e1e1e;
  }
  .dot.small {
    width: 0.375rem;
    height: 0.375rem;
  }
  .dot.large {
    width: 1.25rem;
    height: 1.25rem;
  }
  .note {
    margin: 0;
  }
  .footer {
    flex: none;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    min-height: 2rem;
    font-size: 0.875rem;
  }
  .link-button {
    padding: 0.125rem 0;
    border: 0;
    background: none;
    color: var(--vitrine-color-link, inherit);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link-button[disabled] {
    cursor: default;
    opacity: 0.6;
  }
  .panel {
    margin-top: 0.5rem;
  }
  .panel[hidden] {
    display: none;
  }
  .summary {
    margin: 0 0 0.5rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  th.number,
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th[scope='row'] {
    font-weight: normal;
  }
  .row-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--vitrine-color-link, inherit);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .pager {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  /* Inside maplibre's popups (they live in this shadow root). */
  .maplibregl-popup-content {
    max-height: 18rem;
    overflow: auto;
    padding: 0.75rem 2rem 0.75rem 0.75rem;
    color: #1e1e1e;
  }
  .maplibregl-popup-close-button {
    width: 1.75rem;
    height: 1.75rem;
    font-size: 1.25rem;
    line-height: 1;
  }
  .vitrine-popup {
    font: 0.875rem/1.4 var(--vitrine-font-family, system-ui, sans-serif);
    overflow-wrap: anywhere;
  }
  .vitrine-popup-heading {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .vitrine-popup dl {
    display: grid;
    grid-template-columns: minmax(4rem, auto) 1fr;
    gap: 0.125rem 0.5rem;
    margin: 0;
  }
  .vitrine-popup dt {
    font-weight: 600;
  }
  .vitrine-popup dd {
    margin: 0;
    white-space: pre-line;
  }
  .vitrine-popup a {
    color: #000091;
  }
  .maplibregl-ctrl button:focus-visible,
  .maplibregl-canvas:focus-visible {
    outline: var(--vitrine-focus-width, 2px) solid var(--vitrine-color-focus, #0a76f6);
    outline-offset: -2px;
  }
`;
