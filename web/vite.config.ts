import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The competency subgraph's CSV export is a plain HTTP endpoint, not GraphQL; proxying it keeps the
// download same-origin (no CORS preflight for the Authorization header). Remuneration's payroll export
// likewise (the more specific prefix first).
const exportProxy = {
  '/exports/tpp-payroll': process.env['REMUNERATION_URL'] ?? 'http://localhost:4005',
  '/exports': process.env['COMPETENCY_URL'] ?? 'http://localhost:4002',
};
// 5173 by default; the launcher sets PORT when KINERJA_WEB_PORT moves the app (the browser suite does).
const port = Number(process.env['PORT'] ?? 5173);

export default defineConfig({
  plugins: [vue()],
  server: { port, strictPort: true, proxy: exportProxy },
  preview: { port, strictPort: true, proxy: exportProxy },
  // Pre-bundled when the dev server starts, so the first visit to the charts or the workbench does not
  // trigger a dependency re-optimisation and a full page reload.
  optimizeDeps: {
    include: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers', 'vue-echarts', 'graphiql', 'react', 'react-dom/client'],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
