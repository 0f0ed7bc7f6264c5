import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { vegaSubset } from '../scripts/vega-subset.js';

/**
 * maplibre fetches its worker from next to its own chunk (`assets/`): serve it there in `storybook dev`
 * and write it there in `storybook build`.
 */
function maplibreWorker(): Plugin {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist', 'maplibre-gl-worker.mjs');
  const name = 'maplibre-gl-worker.mjs';
  return {
    name: 'vitrine-maplibre-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0]?.endsWith(`/${name}`)) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: readFileSync(file) });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal(config) {
    config.plugins = [...(config.plugins ?? []), maplibreWorker(), { ...(vegaSubset() as Plugin), enforce: 'pre' }];
    return config;
  },
};

export default config;
