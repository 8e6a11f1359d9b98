// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) so both run with plain `node`
// from a clean clone: GitHub runners execute dist/ without installing dependencies.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import license from 'rollup-plugin-license'

/** @type {import('rollup').RollupOptions} */
const config = {
  input: { index: 'src/index.ts', cli: 'src/cli.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    esModule: true,
    entryFileNames: '[name].js',
    // No hashes: dist/ is committed and CI compares it with a fresh build.
    chunkFileNames: 'chunks/[name].js',
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    json(),
    // Everything bundled is redistributed in dist/: list each package with its licence text.
    // CI's dist/ check keeps the list in step with the bundle.
    license({
      thirdParty: {
        includePrivate: false,
        output: { file: 'dist/licenses.txt' },
        // A dependency under any other licence, or none, fails the build until someone decides.
        allow: {
          test: '(MIT OR ISC OR Apache-2.0 OR BSD-2-Clause OR BSD-3-Clause OR 0BSD)',
          failOnUnlicensed: true,
          failOnViolation: true,
        },
      },
    }),
  ],
  onwarn(warning, warn) {
    // @actions/* and some CJS deps use `this` at module top level and circular imports; both are
    // harmless in the bundle and would otherwise drown real warnings.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
}

export default config
