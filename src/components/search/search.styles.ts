import { css } from 'lit';

export const searchStyles = css`
  :host {
    min-height: var(--vitrine-search-min-height, 4.5rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .label {
    font-weight: 700;
  }
  .field {
    position: relative;
    display: flex;
    align-items: center;
    width: var(--vitrine-search-width, 100%);
    max-width: 100%;
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.25rem 2.5rem 0.25rem 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--vitrine-color-background, Canvas);
    border: 1px solid var(--vitrine-color-border, color-mix(in srgb, currentColor 35%, transparent));
    border-radius: 0.25rem;
  }
  /* One clear button: ours, which has a name and works in every browser. */
  input::-webkit-search-cancel-button {
    appearance: none;
  }
  .clear {
    position: absolute;
    inset-inline-end: 0.25rem;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: 0.25rem;
    background: transparent;
    font-size: 1.25rem;
    line-height: 1;
    cursor: pointer;
  }
`;
