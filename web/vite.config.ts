import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The competency subgraph's CSV export is a plain HTTP endpoint, not GraphQL; proxying it keeps the
// download same-origin (no CORS preflight for the Authorization header).
const exportProxy = { '/exports': process.env['COMPETENCY_URL'] ?? 'http://localhost:4002' };

export default defineConfig({
  plugins: [vue()],
  server: { port: 5173, strictPort: true, proxy: exportProxy },
  preview: { port: 5173, strictPort: true, proxy: exportProxy },
  build: { outDir: 'dist', emptyOutDir: true },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
