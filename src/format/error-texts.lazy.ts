/**
 * error-texts.ts as the CDN build has it (see rollup.config.js): the error and reason texts are a chunk
 * of their own, loaded the first time an error is shown. Same exports as error-texts.ts.
 * @module
 */
import type * as Texts from './messages-errors.js';

let texts: typeof Texts | undefined;
let loading: Promise<void> | undefined;

/** The error and reason texts (messages-errors.ts), or undefined while they are not loaded. */
export function errorTexts(): typeof Texts | undefined {
  return texts;
}

/**
 * Loads the error texts: undefined when they are there, else a promise that resolves once they are
 * there, or could not be loaded (messages then name the error kind only; the next call tries again).
 */
export function loadErrorTexts(): Promise<void> | undefined {
  if (texts) return undefined;
  loading ??= import('./messages-errors.js').then(
    (module) => {
      texts = module;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}
