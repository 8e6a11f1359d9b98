import type { SectionOptions } from '../types.js'

/**
 * Everything that defines a kind of section, in one place. The page core (markers, rendering,
 * insertion titles) derives from it, and a renderer is required for every entry (see
 * render-sections.ts), so adding a kind is one entry here plus its renderer, and a missing case is
 * a compile error rather than a section silently rendered as another kind.
 */
export interface SectionDefinition {
  /** Heading text written above the section when it is inserted on a first run. */
  defaultTitle: string
  /** Line template for one item. */
  defaultTemplate: string
  /** Placeholders `defaultTemplate` and user templates may use. */
  placeholders: readonly string[]
  /** The same when items are grouped per repository (`group-by-repo`), for kinds that group. */
  grouped?: { defaultTemplate: string; placeholders: readonly string[] }
  /** The part of the activity the section lists: what must be read for it. */
  needs: 'pullRequests' | 'projects'
  /** Action inputs configuring this section, by what they set. */
  inputs: { title: string; heading: string; template: string }
}

const inputsFor = <N extends string>(name: N) => ({
  title: `${name}-title` as const,
  heading: `${name}-heading` as const,
  template: `${name}-template` as const,
})

export const SECTIONS = {
  contributions: {
    defaultTitle: 'Open source contributions',
    defaultTemplate: '- {title} ([{ref}]({url})), merged {merged_at}',
    placeholders: [
      'title',
      'ref',
      'repo',
      'owner',
      'name',
      'number',
      'url',
      'repo_url',
      'merged_at',
      'first',
      'forge',
    ],
    grouped: {
      defaultTemplate:
        '- [{repo}]({repo_url}): {pull_requests}, latest merged {merged_at}: {title}',
      placeholders: [
        'repo',
        'owner',
        'name',
        'repo_url',
        'count',
        'pull_requests',
        'merged_at',
        'title',
        'url',
        'forge',
      ],
    },
    needs: 'pullRequests',
    inputs: inputsFor('contributions'),
  },
  progress: {
    defaultTitle: 'Side projects',
    defaultTemplate: '- [{repo}]({url}): {summary}',
    placeholders: [
      'repo',
      'owner',
      'name',
      'url',
      'summary',
      'progress',
      'count',
      'commits',
      'latest_message',
      'latest_date',
      'latest_url',
      'languages',
      'forge',
    ],
    needs: 'projects',
    inputs: inputsFor('progress'),
  },
} as const satisfies Record<string, SectionDefinition>

export type SectionName = keyof typeof SECTIONS
export const SECTION_NAMES = Object.keys(SECTIONS) as readonly SectionName[]

export function sectionDefinition(name: SectionName): SectionDefinition {
  return SECTIONS[name]
}

/** The placeholders a template of this section may use with these options. */
export function placeholdersFor(name: SectionName, options: SectionOptions): readonly string[] {
  const definition = sectionDefinition(name)
  return options.groupByRepo && definition.grouped
    ? definition.grouped.placeholders
    : definition.placeholders
}

/** The template a section uses when the author gives none. */
export function defaultTemplateFor(name: SectionName, options: SectionOptions): string {
  const definition = sectionDefinition(name)
  return options.groupByRepo && definition.grouped
    ? definition.grouped.defaultTemplate
    : definition.defaultTemplate
}
