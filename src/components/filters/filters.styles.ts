import { css } from 'lit';

export const filtersStyles = css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 2.5rem;
  }
  .title {
    font-weight: 700;
  }
  .empty {
    color: var(--vitrine-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    font-size: 0.875em;
  }
  .list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    max-width: 100%;
    min-height: 2rem;
    padding: 0 0.125rem 0 0.75rem;
    border-radius: var(--vitrine-filters-chip-radius, 1rem);
    background: var(
      --vitrine-filters-chip-background,
      color-mix(in srgb, var(--vitrine-color-accent, currentColor) 12%, transparent)
    );
  }
  .text {
    overflow-wrap: anywhere;
  }
  .remove {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 1.125rem;
    line-height: 1;
    cursor: pointer;
  }
  .remove:hover {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .clear {
    padding: 0.25rem 0;
    border: 0;
    background: transparent;
    color: var(--vitrine-color-link, LinkText);
    text-decoration: underline;
    cursor: pointer;
  }
`;
