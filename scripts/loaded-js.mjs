// What the Action loads before its first line runs: dist/index.js and every module it imports
// statically, transitively; dynamic imports are listed apart (they load only when reached), each
// with the bytes it brings: the chunk and its own static imports not already loaded at start.
// Usage: node scripts/loaded-js.mjs [entry=dist/index.js] [--json]
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseAst } from 'rollup/parseAst'

/** Static and dynamic relative imports of one bundled file; `bare` are the static ones that bind
 * no name (`import './chunks/inputs.js'`): loaded all the same. */
function importsOf(file) {
  const ast = parseAst(readFileSync(file, 'utf8'))
  const found = { static: [], dynamic: [], bare: [] }
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (
      ['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration'].includes(node.type) &&
      node.source
    ) {
      found.static.push(node.source.value)
      if (node.type === 'ImportDeclaration' && node.specifiers.length === 0)
        found.bare.push(node.source.value)
    }
    if (node.type === 'ImportExpression' && node.source.type === 'Literal')
      found.dynamic.push(node.source.value)
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object') visit(value)
    }
  }
  visit(ast)
  const local = (s) => s.startsWith('.')
  const at = (s) => resolve(dirname(file), s)
  return {
    static: found.static.filter(local).map(at),
    dynamic: found.dynamic.filter(local).map(at),
    bare: found.bare.filter(local).map(at),
  }
}

/** `start` and every file it imports statically, transitively, with their sizes; and the
 * targets of the dynamic imports met on the way. */
function staticGraph(start) {
  const files = new Map()
  const dynamic = new Set()
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()
    if (files.has(file)) continue
    files.set(file, readFileSync(file).length)
    const { static: s, dynamic: d } = importsOf(file)
    queue.push(...s)
    d.forEach((f) => dynamic.add(f))
  }
  return { files, dynamic }
}

/** Bytes loaded at start from `entry`, file by file, and what each dynamic import adds: to what
 * is loaded at start, or, for one inside a lazy chunk (the page core's front-matter parsers), to
 * what that chunk loaded. */
export function loadedJs(entry) {
  const { files: loaded, dynamic } = staticGraph(resolve(entry))
  const lazy = new Map()
  const queue = [...dynamic].map((f) => ({ f, before: new Set(loaded.keys()) }))
  while (queue.length > 0) {
    const { f, before } = queue.shift()
    if (before.has(f) || lazy.has(f)) continue
    const graph = staticGraph(f)
    const added = [...graph.files].filter(([g]) => !before.has(g))
    lazy.set(
      f,
      added.reduce((a, [, n]) => a + n, 0),
    )
    const now = new Set([...before, ...graph.files.keys()])
    for (const d of graph.dynamic) queue.push({ f: d, before: now })
  }
  const root = dirname(resolve(entry))
  const name = (f) => relative(root, f)
  // What a count of the entry's own `import { … } from` lines finds: the entry and the files those
  // lines name, neither the bare imports nor what the named files import in turn.
  const own = importsOf(resolve(entry))
  const named = [resolve(entry), ...own.static.filter((f) => !own.bare.includes(f))]
  return {
    entry: name(resolve(entry)),
    bytes: [...loaded.values()].reduce((a, b) => a + b, 0),
    namedBytes: [...new Set(named)].reduce((a, f) => a + (loaded.get(f) ?? 0), 0),
    bare: own.bare.map(name),
    files: Object.fromEntries([...loaded].map(([f, n]) => [name(f), n])),
    lazy: Object.fromEntries([...lazy].map(([f, n]) => [name(f), n])),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const result = loadedJs(args.find((a) => !a.startsWith('--')) ?? 'dist/index.js')
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(`${result.entry} loads ${(result.bytes / 1e6).toFixed(3)} MB at start:`)
    console.log(`  (its own \`import { … } from\` lines name ${result.namedBytes} bytes of it)`)
    for (const [f, n] of Object.entries(result.files)) console.log(`  ${f} ${n}`)
    for (const [f, n] of Object.entries(result.lazy)) console.log(`  (dynamic) ${f} ${n}`)
  }
}
