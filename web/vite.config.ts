import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import legacy from '@vitejs/plugin-legacy';
import { fileURLToPath } from 'node:url';

// Government desktops run Chromium-based browsers as old as Chromium 83 (奇安信, 360, UOS):
// syntax is lowered to chrome83 and missing APIs are polyfilled from core-js.
export default defineConfig({
  plugins: [react(), legacy({ targets: ['chrome >= 83'], modernPolyfills: true, renderLegacyChunks: false })],
  resolve: {
    alias: { '@anjian/contracts': fileURLToPath(new URL('../packages/contracts/src/index.ts', import.meta.url)) },
  },
  build: { target: ['chrome83'], chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
