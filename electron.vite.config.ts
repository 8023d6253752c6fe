import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __MLCYCLE_VERSION__: JSON.stringify(version) };

/**
 * Three builds: main (Node side: Electron main, the engine's utility process, the CLI and the job
 * worker, all emitted flat in out/main so the engine finds job-worker.js beside itself), the
 * sandboxed preload (CommonJS, as sandboxed preloads must be), and the React renderer.
 */
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: 'src/main/electron/main.ts',
          'engine-process': 'src/main/utility/engine-process.ts',
          cli: 'src/main/cli/index.ts',
          'job-worker': 'src/main/engine/jobs/worker-entry.ts',
          // gradient-boosted trees build histograms in worker threads of their own
          'gbdt-worker': 'src/main/engine/train/gbdt/worker.ts',
          'linear-worker': 'src/main/engine/train/linear/worker.ts',
          'inference-worker': 'src/main/serve/inference-worker.ts',
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    define,
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
});
