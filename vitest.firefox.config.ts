import { defineConfig } from 'vitest/config';

/** The Firefox smoke run: the built extension in firefox-esr, driven over WebDriver BiDi. */
export default defineConfig({
  test: { include: ['tests/firefox/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false },
});
