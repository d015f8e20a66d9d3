// Vite build of the renderer: one static bundle in dist/renderer that Electron and `clm serve` both load.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src-renderer',
  // Relative asset URLs: Electron loads the files from its own scheme, headless mode from /.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Vite inlines small assets as data: URLs; the CSP allows only 'self', so keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
