import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Two kinds of tests, told apart by name: pure unit tests share one module graph per worker
    // (no per-file isolation: they keep no state, and re-importing the page core's parsers for
    // each of 30 files was a third of the suite's time); integration tests, which start servers,
    // processes and clients, keep a fresh module graph each.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.unit.test.ts'], isolate: false },
      },
      { extends: true, test: { name: 'int', include: ['test/**/*.int.test.ts'] } },
    ],
    testTimeout: 30_000,
    // e2e tests spawn the bundled Action as child processes; two cores are all CI has.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    // Every answer any test gets from the emulator is checked against GitHub's OpenAPI
    // description, not only those of test/emulator/openapi.int.test.ts.
    setupFiles: [
      './test/emulator/check-every-answer.ts',
      // Tests edit pages of every kind; the Action loads only its page's parser (page/formats/load.ts,
      // tested through the bundle in test/github/bundle.int.test.ts).
      './src/page/formats/all.ts',
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: [
        // Bin shims: one top-level `await` each, only ever run as a spawned process (the e2e
        // tests run them); everything they call is covered in-process.
        'src/cli.ts',
        'src/index.ts',
        // Type declarations only: no code to run.
        'src/**/*.d.ts',
      ],
      reporter: ['text-summary'],
      thresholds: { statements: 90, branches: 80 },
    },
  },
})
