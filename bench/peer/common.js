// @ts-check
/**
 * What every peer page shares: the api-client pointed at the portal named on the page's <html
 * data-portal>, and the one line that tells the benchmark a widget was handed its data (a real site
 * would not have it; it costs a few dozen bytes and is counted in the peer's size).
 */
import { ApiClient } from '@opendatasoft/api-client';

export const client = new ApiClient({
  domain: document.documentElement.dataset.portal ?? location.origin,
  hideDeprecatedWarning: true,
});

/**
 * @param {HTMLElement} container the widget's container
 * @param {'kpi' | 'chart' | 'map' | 'table'} kind
 * @param {unknown} component the peer's component instance
 */
export const shown = (container, kind, component) =>
  /** @type {any} */ (globalThis).vitrineBench?.shown(container, kind, component);

/** @param {string} id */
export const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
