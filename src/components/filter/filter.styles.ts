import { css } from 'lit';

export const filterStyles = css`
  :host {
    --_count: var(
      --vitrine-filter-count-color,
      var(--vitrine-color-muted, color-mix(in srgb, currentColor 70%, transparent))
    );
    --_border: var(--vitrine-color-border, color-mix(in srgb, currentColor 20%, transparent));
    min-height: var(--vitrine-filter-min-height, 8rem);
  }
  .base {
    min-height: inherit;
  }
  .fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-width: 0;
    min-height: inherit;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .label {
    padding: 0;
    font-size: var(--vitrine-filter-label-size, 1rem);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .skeleton {
    height: 6rem;
    width: 100%;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--vitrine-filter-max-height, 20rem);
    overflow-y: auto;
  }
  .list.nested {
    max-height: none;
    overflow: visible;
    padding-inline-start: 1.75rem;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
  }
  .row input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--vitrine-color-accent, auto);
  }
  .row label {
    align-items: baseline;
    display: flex;
    flex: 1;
    gap: 0.5rem;
    justify-content: space-between;
    min-width: 0;
    cursor: pointer;
  }
  .name {
    overflow-wrap: anywhere;
  }
  .count {
    color: var(--_count);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .expand {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  .item.loading {
    color: var(--_count);
    font-size: 0.875em;
  }
  input[type='search'],
  input[type='number'],
  input[type='date'],
  select {
    font: inherit;
    color: inherit;
    background: var(--vitrine-color-background, Canvas);
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    max-width: 100%;
  }
  .find input {
    width: 100%;
  }
  .more {
    align-self: flex-start;
    padding: 0.25rem 0;
    border: 0;
    background: transparent;
    color: var(--vitrine-color-link, LinkText);
    text-decoration: underline;
    cursor: pointer;
  }
  .none,
  .hint {
    margin: 0;
    color: var(--_count);
    font-size: 0.875em;
    min-height: 1.2em;
  }
  .invalid {
    margin: 0;
    color: var(--vitrine-color-error, #ce0500);
    font-size: 0.875em;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }
  .bound {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 8rem;
    min-width: 0;
  }
  .stale {
    margin-top: 0.5rem;
  }
`;
