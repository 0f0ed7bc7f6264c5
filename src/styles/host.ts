import { css } from 'lit';

/**
 * Styles every Vitrine element starts from. Font and colour follow the page (so a widget looks at home
 * in any theme) unless `--vitrine-*` tokens say otherwise; the inherited properties that a busy CMS
 * theme likes to change and that would break a widget's layout are reset.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--vitrine-font-family, inherit);
    font-size: var(--vitrine-font-size, 1rem);
    line-height: 1.4;
    color: var(--vitrine-color-text, inherit);
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    font-style: normal;
    font-weight: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--vitrine-focus-width, 2px) solid var(--vitrine-color-focus, #0a76f6);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;

/**
 * The shared look of the loading, empty and error states: a message in place of the widget, in the
 * reserved space, so nothing around it moves.
 */
export const stateStyles = css`
  .state {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: inherit;
    color: var(--vitrine-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    font-size: 0.875em;
  }
  .state[part~='error'] {
    color: var(--vitrine-color-error, #ce0500);
  }
  .skeleton {
    display: block;
    width: 60%;
    height: 1.2em;
    border-radius: 0.25rem;
    background: var(--vitrine-color-skeleton, color-mix(in srgb, currentColor 12%, transparent));
    animation: vitrine-pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes vitrine-pulse {
    from {
      opacity: 0.5;
    }
    to {
      opacity: 1;
    }
  }
  /* The note shown with data kept after a failed refresh (staleContent in components/shared). */
  .stale {
    font-size: 0.8125rem;
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .retry {
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: transparent;
    padding: 0.125rem 0.5rem;
    cursor: pointer;
  }
`;
