import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// electron-vite looks for src/main, src/preload and src/renderer by default; this project keeps
// the top level the user asked for (electron/, renderer/), so every entry is named here.
/**
 * In `electron-vite dev` only, the React plugin injects an inline refresh preamble, which the
 * strict policy in index.html forbids; relax script-src for the dev server alone. Builds (what
 * users run, and what the tests drive) keep the strict policy.
 */
function devScriptPolicy(): Plugin {
  return {
    name: 'mentor-desk:dev-script-policy',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('electron/main/index.ts'), formats: ['es'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload cannot require() anything but a few Electron modules, so it is one
      // CommonJS file with zod bundled in.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs', codeSplitting: false } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), devScriptPolicy()],
  },
});
