/**
 * Where the error and reason texts (messages-errors.ts) come from.
 *
 * This module bundles them: the npm build, Node and the tests have them at once. The CDN build puts
 * error-texts.lazy.ts in its place (see rollup.config.js), which loads them the first time an error is
 * shown, so that a working page never downloads them. Code that shows an error message waits for
 * {@link loadErrorTexts} first (the data controller does).
 * @module
 */
import * as texts from './messages-errors.js';

/** The error and reason texts (messages-errors.ts), or undefined while they are not loaded. */
export function errorTexts(): typeof texts | undefined {
  return texts;
}

/**
 * Loads the error texts: undefined when they are there (always, in this build), else a promise that
 * resolves once they are there, or could not be loaded (messages then name the error kind only).
 */
export function loadErrorTexts(): Promise<void> | undefined {
  return undefined;
}
