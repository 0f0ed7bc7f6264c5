import { css } from 'lit';

export const tableStyles = css`
  :host {
    --_row: var(--vitrine-table-row-height, 2.5rem);
    --_head: var(--vitrine-table-header-height, 2.75rem);
    --_max: var(--vitrine-table-max-height, min(40rem, 80vh));
    --_border: var(--vitrine-color-border, color-mix(in srgb, currentColor 20%, transparent));
    --_header-background: var(--vitrine-table-header-background, var(--vitrine-color-background, Canvas));
    min-width: 0;
    max-width: 100%;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-width: 0;
  }
  .title {
    min-height: 1.75rem;
    font-size: var(--vitrine-table-title-size, 1.125rem);
    font-weight: 700;
    line-height: 1.4;
    overflow-wrap: break-word;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    min-height: 2rem;
    font-size: 0.875rem;
  }
  a {
    color: var(--vitrine-color-link, LinkText);
  }
  /* The table scrolls inside this box, sideways on a phone and down past --_max, under a sticky header.
     It keeps the height of page-size rows in every state, so nothing moves when the rows arrive. */
  .scroller {
    position: relative;
    overflow: auto;
    max-height: var(--_max);
    min-height: min(calc(var(--_head) + var(--_rows, 10) * var(--_row)), var(--_max));
    overscroll-behavior-x: contain;
  }
  .scroller > .skeleton {
    position: absolute;
    inset: 0;
    width: auto;
    height: auto;
  }
  .scroller > .state {
    justify-content: center;
    text-align: center;
    padding: 1rem;
  }
  .scroller.busy table {
    opacity: 0.55;
    transition: opacity 0.2s;
  }
  /* As wide as its columns need (each at most --vitrine-table-cell-max-width): on a phone the box scrolls
     sideways rather than squeezing every column into a tall, narrow strip. */
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: max-content;
    min-width: 100%;
    font-size: var(--vitrine-table-font-size, 0.875rem);
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0 0.75rem;
    text-align: start;
    vertical-align: middle;
    /* Lines drawn without taking room: a row is exactly --_row high. */
    box-shadow: inset 0 -1px 0 var(--_border);
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    height: var(--_head);
    background: var(--_header-background);
    font-weight: 700;
    white-space: nowrap;
    box-shadow: inset 0 -2px 0 var(--_border);
  }
  thead th:has(> .sort) {
    padding: 0;
  }
  tbody th,
  tbody td {
    height: var(--_row);
  }
  tbody th {
    font-weight: inherit;
  }
  tbody tr:nth-child(even) {
    background: var(--vitrine-table-stripe, transparent);
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .v {
    display: block;
    max-width: var(--vitrine-table-cell-max-width, 20rem);
    padding-block: 0.25rem;
    overflow-wrap: break-word;
  }
  .num > .v {
    margin-inline-start: auto;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    width: 100%;
    min-height: var(--_head);
    padding: 0 0.75rem;
    border: 0;
    background: transparent;
    font-weight: inherit;
    text-align: inherit;
    white-space: nowrap;
    cursor: pointer;
  }
  .num > .sort {
    justify-content: flex-end;
  }
  .sort:hover {
    background: var(--vitrine-color-hover, color-mix(in srgb, currentColor 8%, transparent));
  }
  .sort:focus-visible {
    outline-offset: -3px;
  }
  .arrow {
    font-size: 0.75em;
    opacity: 0.45;
  }
  .sort.active .arrow {
    opacity: 1;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    min-height: 2.5rem;
    font-size: 0.875rem;
  }
  .pager.unseen {
    visibility: hidden;
  }
  .pages {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-inline-start: auto;
  }
  .page {
    min-height: 2.25rem;
    padding: 0 0.75rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: transparent;
    cursor: pointer;
  }
  .page:hover {
    background: var(--vitrine-color-hover, color-mix(in srgb, currentColor 8%, transparent));
  }
  .page[aria-disabled='true'] {
    border-style: dashed;
    cursor: not-allowed;
    background: transparent;
  }
  .note {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--vitrine-color-muted, inherit);
  }
`;
