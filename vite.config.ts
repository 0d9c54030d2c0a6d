import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import type * as NodeEntry from './src/server/node-entry';
import type * as Security from './src/server/security';
import { defineConfig } from 'vitest/config';

/**
 * `npm run dev`: the backend and the in-process sandbox answer /api and /sandbox inside Vite's dev server,
 * so the SPA has hot reload and the same origin as in production.
 */
function backendInDev(): Plugin {
  return {
    name: 'ovh-explorer-backend',
    apply: 'serve',
    async configureServer(server) {
      const { createServerApp } = (await server.ssrLoadModule(
        '/src/server/node-entry.ts',
      )) as typeof NodeEntry;
      const { getRequestListener } = await import('@hono/node-server');
      const { hasDotSegments } = (await server.ssrLoadModule('/src/server/security.ts')) as typeof Security;
      const { app } = await createServerApp({ env: process.env });
      const listener = getRequestListener(app.fetch);
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (!url.startsWith('/api/') && !url.startsWith('/sandbox/')) return next();
        if (hasDotSegments(url)) {
          res.writeHead(400, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({ error: 'invalid_path', message: 'Paths must not contain . or .. segments.' }),
          );
          return;
        }
        void listener(req, res);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), backendInDev()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup-dom.ts'],
        },
      },
    ],
  },
});
