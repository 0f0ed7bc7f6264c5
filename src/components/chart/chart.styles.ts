import { css } from 'lit';

export const chartStyles = css`
  :host {
    min-height: var(--vitrine-chart-min-height, 24rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-height: inherit;
  }
  .title {
    font-size: var(--vitrine-chart-title-size, 1.125rem);
    font-weight: var(--vitrine-chart-title-weight, 700);
    line-height: 1.3;
  }
  .description {
    font-size: 0.875rem;
    color: var(--vitrine-color-muted, inherit);
  }
  .frame {
    position: relative;
    width: 100%;
    min-width: 0;
    height: var(--_height, 300px);
  }
  .chart,
  .vega,
  .vega > div {
    width: 100%;
    height: 100%;
  }
  .chart[hidden] {
    display: none;
  }
  .vega svg,
  .vega canvas {
    display: block;
    max-width: 100%;
  }
  .frame > .state {
    position: absolute;
    inset: 0;
    justify-content: center;
    text-align: center;
    padding: 1rem;
  }
  .frame > .skeleton {
    position: absolute;
    inset: 0;
    width: auto;
    height: auto;
    border-radius: 0.25rem;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    max-width: min(22rem, 90%);
    padding: 0.375rem 0.5rem;
    border-radius: 0.25rem;
    background: var(--vitrine-chart-tooltip-background, #1e1e1e);
    color: var(--vitrine-chart-tooltip-color, #fff);
    font-size: 0.8125rem;
    line-height: 1.35;
    pointer-events: none;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .tooltip[hidden] {
    display: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    min-height: 2.25rem;
    font-size: 0.875rem;
  }
  .downloads {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
  }
  .toolbar button {
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: transparent;
    padding: 0.25rem 0.625rem;
    cursor: pointer;
    min-height: 2rem;
  }
  .toolbar button:hover {
    background: var(--vitrine-color-hover, color-mix(in srgb, currentColor 8%, transparent));
  }
  .summary {
    margin: 0;
    font-size: 0.875rem;
    color: var(--vitrine-color-muted, inherit);
  }
  .table-wrapper {
    max-height: var(--vitrine-chart-table-height, 24rem);
    overflow: auto;
  }
  .table-wrapper[hidden] {
    display: none;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: 0.25rem 0;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--vitrine-color-border, color-mix(in srgb, currentColor 20%, transparent));
    text-align: start;
    vertical-align: top;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--vitrine-color-background, Canvas);
  }
  .num {
    text-align: end;
  }
  /* cross-filter: bars and slices can be clicked. */
  :host([cross-filter]) .vega .role-mark path {
    cursor: pointer;
  }
  /* cross-filter from the keyboard: each category of the data table is a toggle button. */
  .select {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: inherit;
    text-align: start;
    text-decoration: underline dotted;
    cursor: pointer;
  }
  .select[aria-pressed='true'] {
    font-weight: 700;
    text-decoration-style: solid;
  }
`;
