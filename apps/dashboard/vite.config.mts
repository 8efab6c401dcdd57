import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const dashboardRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: dashboardRoot,
  plugins: [react()],
  resolve: {
    alias: {
      // The dashboard may import the shared contracts and nothing else from the workspace.
      '@wardreach/contracts': `${repoRoot}libs/contracts/src/index.ts`,
    },
  },
  build: {
    outDir: `${repoRoot}dist/dashboard`,
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
