import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console's build: hashed assets under `/assets/`, admin screens split into their own chunks. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/v1': 'http://localhost:3000' },
  },
});
