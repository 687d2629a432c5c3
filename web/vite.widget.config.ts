// Builds the chat widget (web/widget, plain TypeScript and DOM) into one small script, web/dist/widget.js.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // The admin build lives beside it in dist/admin.
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./widget/widget.ts', import.meta.url)),
      name: 'ConciergeWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
