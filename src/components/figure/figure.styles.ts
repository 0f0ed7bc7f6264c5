import { css } from 'lit';

export const figureStyles = css`
  :host {
    min-height: var(--vitrine-figure-min-height, 6rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.25rem;
    min-height: inherit;
    padding: var(--vitrine-figure-padding, 0.75rem 0);
    text-align: var(--vitrine-figure-align, start);
  }
  .label {
    font-size: var(--vitrine-figure-label-size, 0.9375rem);
    color: var(--vitrine-figure-label-color, inherit);
    min-height: 1.3em;
  }
  .value {
    font-size: var(--vitrine-figure-size, 2.5rem);
    font-weight: var(--vitrine-figure-weight, 700);
    line-height: 1.1;
    color: var(--vitrine-figure-color, var(--vitrine-color-accent, inherit));
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .value .skeleton {
    height: 1.1em;
    width: 50%;
  }
  .delta {
    font-size: 0.875rem;
  }
  .delta.good {
    color: var(--vitrine-color-positive, #18753c);
  }
  .delta.bad {
    color: var(--vitrine-color-negative, #ce0500);
  }
  .delta .reference {
    margin-inline-start: 0.35em;
    color: var(--vitrine-color-muted, inherit);
  }
  .state {
    min-height: 2.75rem;
  }
`;
