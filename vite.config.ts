import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/** Firefox takes background.scripts and needs a gecko id; everything else is shared. */
function firefoxManifest() {
  const { service_worker: _sw, ...background } = baseManifest.background;
  return {
    ...baseManifest,
    background: { ...background, scripts: [baseManifest.background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: 'bulletin-lens@bulletin-lens.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    resolve: {
      // The NER weights ship as a binary asset fetched by the engine worker, not as bundled JavaScript.
      alias: [
        {
          find: /^\.\/model\/weights$/,
          replacement: resolve(import.meta.dirname, 'src/content/ner-weights-stub.ts'),
        },
      ],
    },
    plugins: [
      preact(),
      crx({
        // crx's types want a literal manifest; ours is the checked-in JSON.
        manifest: (firefox ? firefoxManifest() : baseManifest) as never,
        browser: firefox ? 'firefox' : 'chrome',
      }),
    ],
    build: {
      outDir: process.env.BL_OUT_DIR ?? (firefox ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // The preload helper would add <link rel=modulepreload> to the page's <head>: the page is not ours to touch.
      modulePreload: false,
      rollupOptions: {
        input: { notes: resolve(import.meta.dirname, 'src/notes/index.html') },
      },
    },
    // The engine worker keeps one name (WORKER_FILE in src/content/worker-boot.ts): the first-check stub,
    // built apart from the rest, starts it without knowing the bundle's hashes.
    worker: { rolldownOptions: { output: { entryFileNames: 'assets/[name].js', banner: 'self.blLoaded=performance.timeOrigin+performance.now();' } } },
    server: { port: 5173, strictPort: true },
  };
});
