import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLanguage } from '../format/languages.js';
import { resolveLocale, type Locale } from '../format/locale.js';

/**
 * The nearest `lang` attribute above an element, crossing shadow roots (a widget inside another
 * component follows the page's language).
 */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.assignedSlot ?? node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/**
 * Follows the nearest `lang` of its host: `tag` for `Intl` and `locale` for the translation tables.
 * Re-renders the host when a `lang` attribute changes anywhere in the document (one shared observer).
 */
export class LocaleController implements ReactiveController {
  /** The language tag for `Intl` (e.g. `fr-FR`). */
  tag = 'en';
  /** The translation table (`fr`, `en`, or a language loaded on first use: `de`, `es`, `it`, `nl`). */
  locale: Locale = 'en';

  constructor(readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    hosts.add(this);
    observer ??= new MutationObserver(() => hosts.forEach((controller) => controller.refresh()));
    if (hosts.size === 1) observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    hosts.delete(this);
    if (hosts.size === 0) observer?.disconnect();
  }

  private refresh(): void {
    const before = this.tag;
    this.read();
    if (this.tag !== before) this.host.requestUpdate();
  }

  private read(): void {
    this.tag = nearestLang(this.host);
    this.locale = resolveLocale(this.tag);
    // German, Spanish, Italian, Dutch: the texts load now, in English until they are there.
    void loadLanguage(this.locale)?.then(() => this.host.requestUpdate());
  }
}

const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** Renders every element again: texts they show have arrived (the error texts, in the CDN build). */
export function refreshTexts(): void {
  hosts.forEach((controller) => controller.host.requestUpdate());
}
