// What the Action loads before its first line runs: dist/index.js and every module it imports
// statically, transitively; dynamic imports are listed apart (they load only when reached).
// Usage: node scripts/loaded-js.mjs [entry=dist/index.js] [--json]
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseAst } from 'rollup/parseAst'

/** Static and dynamic relative imports of one bundled file. */
function importsOf(file) {
  const ast = parseAst(readFileSync(file, 'utf8'))
  const found = { static: [], dynamic: [] }
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (
      ['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration'].includes(node.type) &&
      node.source
    )
      found.static.push(node.source.value)
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
  }
}

/** Bytes loaded at start from `entry`, file by file, and the chunks only a dynamic import reaches. */
export function loadedJs(entry) {
  const loaded = new Map()
  const dynamic = new Set()
  const queue = [resolve(entry)]
  while (queue.length > 0) {
    const file = queue.shift()
    if (loaded.has(file)) continue
    loaded.set(file, readFileSync(file).length)
    const { static: s, dynamic: d } = importsOf(file)
    queue.push(...s)
    d.forEach((f) => dynamic.add(f))
  }
  const lazy = [...dynamic].filter((f) => !loaded.has(f))
  const root = dirname(resolve(entry))
  const name = (f) => relative(root, f)
  return {
    entry: name(resolve(entry)),
    bytes: [...loaded.values()].reduce((a, b) => a + b, 0),
    files: Object.fromEntries([...loaded].map(([f, n]) => [name(f), n])),
    lazy: Object.fromEntries(lazy.map((f) => [name(f), readFileSync(f).length])),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const result = loadedJs(args.find((a) => !a.startsWith('--')) ?? 'dist/index.js')
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(`${result.entry} loads ${(result.bytes / 1e6).toFixed(3)} MB at start:`)
    for (const [f, n] of Object.entries(result.files)) console.log(`  ${f} ${n}`)
    for (const [f, n] of Object.entries(result.lazy)) console.log(`  (dynamic) ${f} ${n}`)
  }
}
