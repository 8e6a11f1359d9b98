/**
 * The activity the page core renders: what the author did. Produced by the GitHub readers,
 * consumed by `editPage`, and exchanged as JSON (schema: schema/activity.schema.json) so the edit
 * CLI can run without GitHub.
 */
export interface Activity {
  /** Start of the window the activity covers, `YYYY-MM-DD`. */
  since?: string
  pullRequests: PullRequestActivity[]
  projects: ProjectActivity[]
  /** Sources that could not be read this run; the log, job summary and PR body say why. */
  skipped?: SkippedSource[]
}

/** A configured source the readers could not read (missing project, forge down, token needed). */
export interface SkippedSource {
  /** As the user configured it: `owner/name`, a forge host, `host/owner/name`. */
  source: string
  /** Why, in one sentence a person can act on. */
  reason: string
}

export interface PullRequestActivity {
  /** `owner/name` of the upstream repository (on GitLab, `group/subgroup/name` may nest). */
  repo: string
  /** Host of the forge it was merged on (`gitlab.gnome.org`, `codeberg.org`); absent on GitHub. */
  forge?: string
  number: number
  /** Untrusted: written by the author, but copied from a public site. Escaped when rendered. */
  title: string
  url: string
  /** ISO 8601 instant the PR was merged. */
  mergedAt: string
  /** True when this is the author's first merged PR to `repo` (optional, from the reader). */
  firstContribution?: boolean
}

export interface ProjectActivity {
  /** `owner/name` of the side project (on GitLab, `group/subgroup/name` may nest). */
  repo: string
  /** Host of the forge it lives on (`codeberg.org`); absent on GitHub. */
  forge?: string
  url: string
  /** Paths of the files at the project's head, for cumulative progress patterns. */
  paths?: string[]
  /** Languages by bytes, from GitHub's /languages. */
  languages?: Record<string, number>
  /** `progress-pattern` configured for this project (a regex source with named groups). */
  progressPattern?: string
  /** Commits in the window, newest first; at most the newest 100 when read from GitHub. */
  commits: CommitActivity[]
  /** How many commits the window holds, when more than `commits` lists. */
  commitCount?: number
}

export interface CommitActivity {
  sha: string
  /** Untrusted: commit messages come from anyone who can push. Escaped when rendered. */
  message: string
  /** ISO 8601 with the committer's offset. */
  date: string
  url: string
  /** Paths the commit changed, when a progress pattern needs them. */
  paths?: string[]
}
