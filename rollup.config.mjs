// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) so both run with plain `node`
// from a clean clone: GitHub runners execute dist/ without installing dependencies.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import license from 'rollup-plugin-license'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const JS_YAML_STUB = '\0js-yaml-stub'

/**
 * gray-matter requires js-yaml for its default YAML engine, but src/page/front-matter.ts hands it
 * its own engines (the `yaml` package), so js-yaml is never called: it resolves to a stub that
 * fails loudly if that ever changes. test/github/bundle.int.test.ts checks the page paths never
 * reach it.
 */
const noJsYaml = {
  name: 'no-js-yaml',
  resolveId(source, importer) {
    return source === 'js-yaml' && importer?.includes('/node_modules/gray-matter/')
      ? JS_YAML_STUB
      : null
  },
  load(id) {
    if (id !== JS_YAML_STUB) return null
    return [
      "const missing = () => { throw new Error('js-yaml is not bundled: pass gray-matter a YAML engine') }",
      // Named exports: gray-matter's require() of an ES module gets its namespace.
      'export { missing as safeLoad, missing as safeDump, missing as load, missing as dump }',
    ].join('\n')
  },
}

const CORE_CRYPTO = '\0actions-core-crypto'

/**
 * @actions/core imports all of `crypto` for one `randomUUID()` (the delimiter of a multi-line
 * output). Loading crypto costs the Action's start some twenty internal modules before its
 * first request; this stand-in loads it when an output is first written.
 */
const lazyCoreCrypto = {
  name: 'lazy-core-crypto',
  resolveId(source, importer) {
    return source === 'crypto' && importer?.includes('/node_modules/@actions/core/')
      ? CORE_CRYPTO
      : null
  },
  load(id) {
    if (id !== CORE_CRYPTO) return null
    // The same on-first-use loader the Action's own code uses for built-ins.
    const lazy = fileURLToPath(new URL('./src/node/lazy-builtin.ts', import.meta.url))
    return [
      `import { lazyBuiltin } from ${JSON.stringify(lazy)}`,
      "const crypto = lazyBuiltin('node:crypto')",
      'export const randomUUID = () => crypto().randomUUID()',
    ].join('\n')
  },
}

/** Chunk names change as code moves between chunks: drop the old ones rather than ship them. */
const cleanChunks = {
  name: 'clean-chunks',
  buildStart() {
    rmSync('dist/chunks', { recursive: true, force: true })
  },
}

/**
 * A chunk is named after its first module; a package's `index.js` would make a chunk called
 * `index` beside the Action's own dist/index.js: such a chunk takes the package's name.
 *
 * @param {import('rollup').PreRenderedChunk} chunk
 */
function chunkFileName(chunk) {
  const pkg = [chunk.facadeModuleId ?? '', ...chunk.moduleIds]
    .map((id) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1])
    .find(Boolean)
  return chunk.name === 'index' && pkg ? `chunks/${pkg.replace('/', '-')}.js` : 'chunks/[name].js'
}

/** @type {import('rollup').RollupOptions} */
const config = {
  input: { index: 'src/index.ts', cli: 'src/cli.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    esModule: true,
    entryFileNames: '[name].js',
    // No hashes: dist/ is committed and CI compares it with a fresh build.
    chunkFileNames: chunkFileName,
  },
  treeshake: {
    // @actions/core's OIDC client is the only static path to @actions/http-client and so to
    // undici (~1 MB); the Action never asks for an ID token. Marked free of side effects, it
    // drops out with everything behind it, and undici loads only through src/github/proxy-fetch.
    // Node's built-in modules have no side effects worth loading for: an import whose bindings
    // are all unused (@actions/core's exec and io helpers, which the Action never calls) would
    // otherwise stay as a bare `import 'child_process'` and cost the start its load.
    moduleSideEffects: (id, external) =>
      !external && !id.includes('/node_modules/@actions/core/lib/oidc-utils.js'),
  },
  plugins: [
    cleanChunks,
    noJsYaml,
    lazyCoreCrypto,
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
    // An import the module does not export would be undefined at run time: fail the build.
    if (warning.code === 'MISSING_EXPORT') throw new Error(warning.message)
    warn(warning)
  },
}

export default config
