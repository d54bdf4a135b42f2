import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    react(),
    // The service worker keeps the app shell (HTML, JS, CSS, icons) so that the report form opens
    // without network. It never caches API answers: they hold sensitive data (docs/decisions/
    // 2026-11-23-offline-reports.md). The manifest is web/public/manifest.webmanifest.
    VitePWA({
      registerType: 'autoUpdate',
      // A script file, not an inline script: the CSP allows only scripts from our own origin.
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/healthz/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // A new version takes over at once; the open page keeps the code it loaded until the next load.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: apiServer },
      '/healthz': { target: apiServer },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // recharts and what only it uses: loaded with the chart pages, not at start.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
