import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiServer },
      '/healthz': { target: apiServer },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
