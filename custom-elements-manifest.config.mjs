// @ts-check
/**
 * Settings of the custom elements manifest analyzer (`cem analyze`, run by `npm run build` and
 * `npm run build-storybook`), which reads this file from the project's folder. Two corrections, so
 * that custom-elements.json — hence the README's element reference and Storybook's tables — lists
 * only what a page can use:
 *
 * - Internal state declared in `static properties` with `{ state: true }` is not an attribute (the
 *   analyzer lists it as one).
 * - `this.dispatchEvent(new SomeEvent(arg))` is read by the analyzer as an event named `arg`, with no
 *   description; the event is already documented with `@fires` under its real name.
 *
 * And modules are listed by path: the analyzer's order varies from run to run, which made every build
 * rewrite the committed file.
 */

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function litStateIsNotAnAttribute() {
  /** @type {Map<string, Set<string>>} class name → names of its state properties */
  const states = new Map();
  return {
    name: 'vitrine-lit-state-is-not-an-attribute',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (member.name.text !== 'properties') continue;
        const isStatic = (ts.getModifiers?.(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        const init = member.initializer;
        if (!isStatic || !init || !ts.isObjectLiteralExpression(init)) continue;
        for (const property of init.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              ts.isIdentifier(option.name) &&
              option.name.text === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!isState || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
          const names = states.get(node.name.text) ?? new Set();
          names.add(property.name.text);
          states.set(node.name.text, names);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const names = declaration.kind === 'class' ? states.get(declaration.name) : undefined;
          if (!names || declaration.kind !== 'class') continue;
          if ('attributes' in declaration && declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((a) => !names.has(a.fieldName ?? a.name));
          }
          for (const member of declaration.members ?? []) {
            if (names.has(member.name) && 'attribute' in member) delete member.attribute;
          }
        }
      }
    },
  };
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function onlyDocumentedEvents() {
  return {
    name: 'vitrine-only-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!('events' in declaration) || !declaration.events) continue;
          const documented = new Set(declaration.events.filter((e) => e.description).map((e) => e.type?.text));
          declaration.events = declaration.events.filter(
            (e) => e.name && (e.description || !documented.has(e.type?.text)),
          );
        }
      }
    },
  };
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function modulesByPath() {
  return {
    name: 'vitrine-modules-by-path',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  plugins: [litStateIsNotAnAttribute(), onlyDocumentedEvents(), modulesByPath()],
};
