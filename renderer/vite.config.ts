import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/renderer and loaded by Electron from a file:// URL, hence the relative base.
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron's Chromium is recent; module preload needs no polyfill (it would add code for nothing).
    target: 'esnext',
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
