import { NowPageError } from '../errors.js'
import type { Client } from '../github/client.js'
import {
  executeClose,
  executeComplete,
  executeContents,
  executeWrite,
  LostSwap,
  ReadFirst,
  type Done,
} from './execute.js'
import { explainGitHubError } from './github-errors.js'
import { checkBranchInput } from './guard.js'
import { observe, readListing } from './observe.js'
import { plan, planFromListing, type Decision, type Plan } from './plan.js'
import {
  pullInfo,
  type Logger,
  type PublishOptions,
  type PublishResult,
  type PullView,
} from './types.js'

export { findOpenPull, TRAILER } from './observe.js'
export type { Pull, PublishOptions, PublishResult } from './types.js'

/** How many times a run re-reads and re-plans after losing a compare-and-swap to a push. */
const MAX_ATTEMPTS = 3

/**
 * Publishes the edit as one pull request from the Action's own branch: creates it, updates it,
 * closes it when the base already has the change, or does nothing. Each attempt reads what the
 * repository looks like, plans (pure), and carries the plan out; a branch that moved under the
 * write sends it round again. Writes go through the API, so no clone is needed and the commit is
 * verified: with the runner's base head (`baseHint`), a first run or an update of its own branch
 * writes straight from round 1 through the Contents API (one request a commit); otherwise, and
 * whenever that write finds the repository otherwise, through the Git Data API after reading.
 */
export async function publish(
  client: Client,
  o: PublishOptions,
  log: Logger,
): Promise<PublishResult> {
  checkBranchInput(o)
  let hint = o.baseHint
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await publishOnce(client, o, log, attempt, hint)
      } catch (error) {
        if (error instanceof ReadFirst && hint) {
          // Not an attempt lost to a push: the same attempt again, reading everything.
          log.info(`${error.message}: reading the base and the branch`)
          hint = undefined
          attempt--
          continue
        }
        if (!(error instanceof LostSwap)) throw error
        if (attempt + 1 >= MAX_ATTEMPTS) {
          throw new NowPageError(
            `${o.branch} keeps moving while the Action writes; nothing was changed`,
            { input: 'branch', hint: 'Re-run the workflow once the pushes to it stop' },
          )
        }
        log.info(`${error.message}: reading it again`)
      }
    }
  } catch (error) {
    throw explainGitHubError(error, o)
  }
}

async function publishOnce(
  client: Client,
  o: PublishOptions,
  log: Logger,
  attempt: number,
  hint: PublishOptions['baseHint'],
): Promise<PublishResult> {
  // Round 1, unless the caller made it alongside the activity reads: the page and the PR.
  const listing = await readListing(client, o, attempt === 0)
  const p = planFromListing(o, listing, hint) ?? plan(o, await observe(client, o, listing))
  if (p.decision.kind === 'write' && listing.page.blobSha !== p.decision.basePage)
    log.info(`${o.path} changed on the base since it was read: editing it as it is now`)
  return carryOut(client, o, p, log)
}

async function carryOut(
  client: Client,
  o: PublishOptions,
  p: Plan,
  log: Logger,
): Promise<PublishResult> {
  const d = p.decision
  // Notes ride in the message too, so the log and the summary show them as they are.
  const result = (r: Omit<PublishResult, 'diff' | 'warnings' | 'notes'>, done?: Done) => ({
    ...r,
    message: done?.notes.length ? `${r.message} (${done.notes.join('; ')})` : r.message,
    // Read here, once the writes are done (the diff is worked out when first read).
    diff: p.diff,
    warnings: done?.warnings ?? [],
    notes: done?.notes ?? [],
    ...(done?.pull ? { pullRequest: pullInfo(done.pull) } : {}),
  })
  switch (d.kind) {
    case 'refuse':
      throw d.error
    case 'skip':
      return {
        ...result({ operation: 'none', changed: d.changed, message: d.message }),
        warnings: d.warning ? [d.warning] : [],
        ...(d.pull ? { pullRequest: pullInfo(d.pull) } : {}),
      }
    case 'close': {
      const done = await executeClose(client, o, d)
      const deleted = d.branchHead && !done.notes.length ? ` and deleted ${o.branch}` : ''
      const message = `${d.base} already has the change: closed #${d.pull.number}${deleted}.`
      return result({ operation: 'closed', changed: false, message }, done)
    }
    case 'complete': {
      const done = await executeComplete(client, o, d)
      const message = `#${d.pull.number} already proposes this refresh; added its missing ${d.todo.join(', ')}.`
      return result({ operation: 'none', changed: true, message }, done)
    }
    case 'contents': {
      const done = await executeContents(client, o, d, log)
      const message = writeMessage(o, d, done.pull)
      const operation = d.pull ? 'updated' : 'created'
      return result({ operation, changed: true, message, commitSha: done.commitSha }, done)
    }
    case 'write': {
      const done = await executeWrite(client, o, d, log)
      const message = writeMessage(o, d, done.pull)
      const operation = d.pull ? 'updated' : 'created'
      return result({ operation, changed: true, message, commitSha: done.commitSha }, done)
    }
  }
}

function writeMessage(
  o: PublishOptions,
  d: Extract<Decision, { kind: 'write' | 'contents' }>,
  pr: PullView,
) {
  return d.pull
    ? `Updated #${pr.number} with the refreshed ${o.path}.`
    : `Opened #${pr.number} to refresh ${o.path}.`
}
