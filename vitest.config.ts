import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // e2e tests spawn the bundled Action as child processes; two cores are all CI has.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-line-reporter.ts'],
  },
})
