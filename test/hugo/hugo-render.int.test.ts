import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { referencePagePath, smallActivity } from '../helpers/page-fixtures.js'

/** Debian's hugo, installed by .ci/run; without it this check cannot run here. */
const hasHugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0

describe('a real Hugo build of an edited page', () => {
  it.skipIf(!hasHugo)('shows the new date and sections, and no marker text', () => {
    const site = mkdtempSync(join(tmpdir(), 'now-page-hugo-'))
    mkdirSync(join(site, 'content'), { recursive: true })
    mkdirSync(join(site, 'layouts', '_default'), { recursive: true })
    writeFileSync(
      join(site, 'hugo.toml'),
      "baseURL = 'https://someone.example/'\ntitle = 'Someone'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
    )
    writeFileSync(
      join(site, 'layouts', '_default', 'single.html'),
      '<html><body><p class="date">{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}</body></html>\n',
    )
    writeFileSync(
      join(site, 'layouts', '_default', 'list.html'),
      '<html><body>{{ .Content }}</body></html>\n',
    )
    const reference = readFileSync(referencePagePath, 'utf8')
    const edited = editPage(reference, smallActivity(), {
      today: '2025-08-24',
      file: 'content/now.md',
    })
    writeFileSync(join(site, 'content', 'now.md'), edited.text)

    execFileSync('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], {
      stdio: 'pipe',
    })
    const html = readFileSync(join(site, 'public', 'now', 'index.html'), 'utf8')
    expect(html).toContain('<p class="date">2025-08-24</p>')
    expect(html).toContain('Last Updated: 2025-08-24')
    expect(html).toContain('Open source contributions</h3>')
    expect(html).toContain('Side projects</h3>')
    expect(html).toContain(
      '<a href="https://github.com/kubernetes/kubernetes/pull/132604">kubernetes/kubernetes#132604</a>',
    )
    // Escaped untrusted text renders as text: the backticks and pipe of a PR title stay literal.
    expect(html).toContain('Document `kubectl api-resources -o json` &lt;output&gt; | formats')
    expect(html).toContain('Go: chapter 4 · Rust: chapter 5')
    expect(html).not.toContain('now-page:')
  })
})
