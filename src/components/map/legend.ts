/**
 * The legend of `vitrine-map`: colour swatches (classes, categories, missing values), a continuous
 * ramp, a size key or a short note, from a model the element builds. Colours are set through the CSS
 * object model (`element.style.setProperty`), which a strict Content-Security-Policy allows — never
 * through a `style` attribute (Lit's `styleMap` writes one on the first render: `style-src-attr`).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Sets CSS properties on an element through the CSS object model, on every render. */
class CssProperties extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes on an element');
  }

  render(_properties: Readonly<Record<string, string>>) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return nothing;
  }
}

/** `<span ${cssProperties({ 'background-color': '#fff' })}>`: CSP-safe inline styling. */
export const cssProperties = directive(CssProperties);

/** One legend entry. `from`/`to` are the class bounds, for classed scales. */
export interface Swatch {
  color: string;
  label: string;
  shape?: 'square' | 'circle' | 'line';
  from?: number;
  to?: number;
}

/** What the legend shows. Every field is optional. */
export interface LegendModel {
  title?: string;
  swatches?: Swatch[];
  gradient?: { colors: string[]; from: string; to: string };
  size?: { title: string; from: string; to: string };
  note?: string;
}

const swatchStyle = (s: Swatch) =>
  cssProperties(
    s.shape === 'line' ? { 'background-color': s.color, height: '0.25rem' } : { 'background-color': s.color },
  );

/** The legend, or nothing when the model is empty. */
export function renderLegend(model: LegendModel | undefined, label: string): TemplateResult | typeof nothing {
  if (!model || (!model.swatches?.length && !model.gradient && !model.size && !model.note)) return nothing;
  return html`<div part="legend" class="legend" role="group" aria-label=${label}>
    ${model.title ? html`<p class="legend-title">${model.title}</p>` : nothing}
    ${
      model.swatches?.length
        ? html`<ul class="swatches">
            ${model.swatches.map(
              (s) =>
                html`<li data-color=${s.color} data-from=${s.from ?? nothing} data-to=${s.to ?? nothing}>
                  <span class="swatch ${s.shape ?? 'square'}" aria-hidden="true" ${swatchStyle(s)}></span
                  ><span class="swatch-label">${s.label}</span>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      model.gradient
        ? html`<div class="gradient">
            <span
              class="ramp"
              aria-hidden="true"
              ${cssProperties({ 'background-image': `linear-gradient(to right, ${model.gradient.colors.join(', ')})` })}
            ></span>
            <span class="ends"><span>${model.gradient.from}</span><span>${model.gradient.to}</span></span>
          </div>`
        : nothing
    }
    ${
      model.size
        ? html`<div class="size">
            <span class="legend-subtitle">${model.size.title}</span>
            <span class="size-key"
              ><span class="dot small" aria-hidden="true"></span>${model.size.from}
              <span class="dot large" aria-hidden="true"></span>${model.size.to}</span
            >
          </div>`
        : nothing
    }
    ${model.note ? html`<p class="note">${model.note}</p>` : nothing}
  </div>`;
}
