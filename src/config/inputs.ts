import { NowPageError } from '../errors.js'
import { INPUT_DEFAULTS, type InputName } from './input-defaults.js'

/** A glob without wildcards, braces, classes or negation: a plain name, matched as it is. */
export function isLiteralGlob(glob: string): boolean {
  return /^[\w.-]+(\/[\w.-]+)?$/.test(glob)
}

export interface Identity {
  name: string
  email: string
}

/**
 * The Action's inputs, read one way: trimmed, empty meaning action.yml's default (a default that
 * is a runner expression such as `${{ github.token }}` has no value outside a runner). Every
 * problem is a NowPageError naming the input.
 */
export class Inputs {
  constructor(private readonly getInput: (name: string) => string) {}

  /** As given, untrimmed ('' when not set): for text whose spaces matter. */
  raw(name: InputName): string {
    return this.getInput(name)
  }

  get(name: InputName): string {
    const value = this.getInput(name).trim()
    if (value !== '') return value
    const fallback: string = INPUT_DEFAULTS[name]
    return fallback.includes('${{') ? '' : fallback
  }

  fail(name: InputName, message: string, hint: string): never {
    throw new NowPageError(message, { input: name, hint })
  }

  bool(name: InputName): boolean {
    const v = this.get(name)
    if (['true', 'True', 'TRUE'].includes(v)) return true
    if (['false', 'False', 'FALSE'].includes(v)) return false
    return this.fail(name, `'${v}' is not a boolean`, 'Use true or false')
  }

  /** Comma- or newline-separated values; blank ones and # comments dropped. */
  list(name: InputName): string[] {
    return this.get(name)
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'))
  }

  /**
   * A list of owner or owner/name globs, each compiled with `makeRe` (picomatch's, loaded by
   * configFromInputs when a glob input is set) to refuse what it cannot compile. On forges also
   * nested groups (`group/sub/name`) and a host prefix naming one forge (`gitlab.gnome.org/GNOME/*`).
   */
  globs(name: InputName, makeRe: ((glob: string) => RegExp) | undefined): string[] {
    return this.list(name).map((g) => {
      // An owner is one part (`rancher`, `rancher/*`), or two with a forge's host in front.
      const parts = name === 'exclude-orgs' ? g.replace(/\/\*{1,2}$/, '').split('/').length : 0
      if (!/^[\w.*?{}[\]!-]+(\/[\w.*?{}[\]!-]+)*$/.test(g) || parts > 2) {
        this.fail(
          name,
          `'${g}' is not a repository glob`,
          'Use owner/name globs such as rancher/* or kubernetes/website (host/owner/name for one forge)',
        )
      }
      if (isLiteralGlob(g)) return g
      try {
        if (!makeRe) throw new Error('picomatch is not loaded')
        makeRe(g)
      } catch (e) {
        this.fail(
          name,
          `'${g}' is not a valid glob: ${(e as Error).message}`,
          'Use * and ? wildcards, e.g. rancher/*',
        )
      }
      return g
    })
  }

  identity(name: InputName): Identity | undefined {
    const v = this.get(name)
    if (!v) return undefined
    const m = /^([^<>]+?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(v)
    if (!m) {
      return this.fail(
        name,
        `'${v}' is not an identity`,
        'Write it as Name <email@example.com>, or leave it empty to use the token’s identity',
      )
    }
    return { name: m[1] as string, email: m[2] as string }
  }

  /** A number written as `pattern` allows, for which `check` holds. */
  number(name: InputName, pattern: RegExp, check: (n: number) => boolean, what: string): number {
    const raw = this.get(name)
    if (!pattern.test(raw) || !check(Number(raw))) {
      this.fail(name, `'${raw}' is not ${what}`, 'Use a number such as 10')
    }
    return Number(raw)
  }

  /** One of a few words. */
  choice<T extends string>(name: InputName, choices: readonly T[], hint: string): T {
    const v = this.get(name)
    if (!(choices as readonly string[]).includes(v)) {
      this.fail(name, `'${v}' is not an option`, hint)
    }
    return v as T
  }
}
