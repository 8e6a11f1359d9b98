import type { PullRequestActivity } from '../activity/types.js'

/** How the forge writes a reference to the item: `owner/repo#N`, GitLab's `group/project!N`. */
export function referenceOf(pr: Pick<PullRequestActivity, 'repo' | 'number' | 'url'>): string {
  return `${pr.repo}${/\/-\/merge_requests\/\d+\/?$/.test(pr.url) ? '!' : '#'}${pr.number}`
}
