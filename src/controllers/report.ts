import { isVitrineDataError } from '../data/errors.js';
import { errorTexts, loadErrorTexts } from '../format/error-texts.js';
import { refreshTexts } from './locale-controller.js';

const warned = new WeakMap<Element, string>();

/**
 * The message a person reads in place of the widget, in the page's language. When the error texts are
 * not loaded yet (CDN build), the elements render again once they are.
 */
export function errorMessage(error: Error, locale: string): string {
  if (!isVitrineDataError(error)) return error.message;
  void loadErrorTexts()?.then(() => errorTexts() && refreshTexts());
  return error.localizedMessage(locale);
}

/**
 * One console warning per element and distinct problem, naming the element and the attribute to fix,
 * e.g. `[vitrine] <vitrine-figure value="sum(popluation)">: Unknown field "popluation"…`.
 */
export function warnOnce(element: Element, error: Error): void {
  const loading = loadErrorTexts();
  if (loading) void loading.then(() => warn(element, error));
  else warn(element, error);
}

function warn(element: Element, error: Error): void {
  const attribute = isVitrineDataError(error) ? error.details.attribute : undefined;
  const value = attribute ? element.getAttribute(attribute) : null;
  const where = attribute && value !== null ? ` ${attribute}="${value}"` : '';
  const text = `[vitrine] <${element.localName}${where}>: ${error.message}`;
  if (warned.get(element) === text) return;
  warned.set(element, text);
  console.warn(text, element);
}

/** Forgets the last warning (after a successful load), so the same problem warns again if it returns. */
export function clearWarning(element: Element): void {
  warned.delete(element);
}
