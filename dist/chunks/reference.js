import { N as NowPageError } from './errors.js';

const inputsFor = (name) => ({
    title: `${name}-title`,
    heading: `${name}-heading`,
    template: `${name}-template`,
});
const SECTIONS = {
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
            defaultTemplate: '- [{repo}]({repo_url}): {pull_requests}, latest merged {merged_at}: {title}',
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
};
const SECTION_NAMES = Object.keys(SECTIONS);
function sectionDefinition(name) {
    return SECTIONS[name];
}
/** The placeholders a template of this section may use with these options. */
function placeholdersFor(name, options) {
    const definition = sectionDefinition(name);
    return options.groupByRepo && definition.grouped
        ? definition.grouped.placeholders
        : definition.placeholders;
}
/** The template a section uses when the author gives none. */
function defaultTemplateFor(name, options) {
    const definition = sectionDefinition(name);
    return options.groupByRepo && definition.grouped
        ? definition.grouped.defaultTemplate
        : definition.defaultTemplate;
}

const MARKER_RE = /^[ \t]*<!--[ \t]*now-page:([A-Za-z0-9_-]+):(start|end)[ \t]*-->[ \t]*$/;
/** Anything that mentions our namespace inside a comment; used to catch near-miss markers that
 * would otherwise be silently ignored and make the Action insert a second copy of a section. */
const NEAR_MISS_RE = /<!--.*now-page\b/i;
function markerLine(name, kind) {
    return `<!-- now-page:${name}:${kind} -->`;
}
/** True when a line would be read as a marker (used to prove rendered text never forges one). */
function looksLikeMarker(line) {
    return MARKER_RE.test(line) || NEAR_MISS_RE.test(line);
}
const example = (name) => `<!-- now-page:${name}:start --> and <!-- now-page:${name}:end --> on lines of their own`;
/**
 * Finds the marked regions of the body. Markers in code blocks are text, not markers. Every
 * malformed arrangement is an error: guessing would risk writing over the author's words.
 */
function findMarkedRegions(body, file) {
    const regions = new Map();
    let open;
    body.lines.forEach((line, index) => {
        if (body.inCode[index])
            return;
        const where = { file, line: line.number };
        const m = MARKER_RE.exec(line.text);
        if (!m) {
            if (NEAR_MISS_RE.test(line.text)) {
                throw new NowPageError(`malformed now-page marker: ${JSON.stringify(line.text.trim())}`, {
                    ...where,
                    hint: `Write markers exactly as <!-- now-page:contributions:start -->, alone on their line`,
                });
            }
            return;
        }
        const name = m[1];
        const kind = m[2];
        if (!SECTION_NAMES.includes(name)) {
            throw new NowPageError(`unknown section '${name}' in marker`, {
                ...where,
                hint: `Known sections: ${SECTION_NAMES.join(', ')}`,
            });
        }
        const section = name;
        if (kind === 'start') {
            if (open) {
                const opened = body.lines[open.index]?.number;
                throw new NowPageError(`'${section}' starts inside '${open.name}' (opened on line ${opened}); sections cannot nest`, { ...where, hint: `Close '${open.name}' with <!-- now-page:${open.name}:end --> first` });
            }
            const earlier = regions.get(section);
            if (earlier) {
                const first = body.lines[earlier.startIndex]?.number;
                throw new NowPageError(`duplicate '${section}' section (it already appears on line ${first})`, { ...where, hint: 'Keep one pair of markers per section and delete the other' });
            }
            open = { name: section, index };
            return;
        }
        if (!open) {
            throw new NowPageError(`'${section}' end marker without a start marker before it`, {
                ...where,
                hint: `Put ${example(section)}, start before end`,
            });
        }
        if (open.name !== section) {
            const opened = body.lines[open.index]?.number;
            throw new NowPageError(`'${section}' end marker while '${open.name}' (opened on line ${opened}) is still open`, { ...where, hint: `Close '${open.name}' before ending '${section}'` });
        }
        regions.set(section, { name: section, startIndex: open.index, endIndex: index });
        open = undefined;
    });
    if (open) {
        const line = body.lines[open.index]?.number;
        throw new NowPageError(`'${open.name}' start marker is never closed`, {
            file,
            line,
            hint: `Add <!-- now-page:${open.name}:end --> on its own line after the section`,
        });
    }
    return regions;
}

const PLACEHOLDER_RE = /\{([a-z_]+)\}/g;
/**
 * Fills `{name}` placeholders, each with the form of its value escaped for where it sits: inside
 * an HTML tag of the template (`<a title="{title}">`) or in Markdown text.
 */
function fillTemplate(template, values) {
    const inTag = tagRanges(template);
    return template.replace(PLACEHOLDER_RE, (whole, name, at) => {
        const value = values[name];
        if (value === undefined)
            return whole;
        if (typeof value === 'string')
            return value;
        return inTag.some(([from, to]) => at > from && at < to) ? value.attribute : value.markdown;
    });
}
/** [start, end) offsets of the HTML tags in a template line: `<` and a letter (or `/`) up to
 * the `>` that is not inside a quoted attribute value; a tag left open runs to the end. */
function tagRanges(template) {
    const ranges = [];
    const open = /<\/?[A-Za-z]/g;
    for (let m = open.exec(template); m; m = open.exec(template)) {
        let quote = '';
        let i = m.index + 1;
        for (; i < template.length; i++) {
            const c = template[i];
            if (quote)
                quote = c === quote ? '' : quote;
            else if (c === '"' || c === "'")
                quote = c;
            else if (c === '>')
                break;
        }
        ranges.push([m.index, i]);
        open.lastIndex = i;
    }
    return ranges;
}
/**
 * Templates are the author's own text, so they are trusted; still, one that names an unknown
 * placeholder or spans lines would render a broken page on every run, so it is refused up front.
 */
function checkTemplate(template, known, where) {
    if (/[\r\n]/.test(template) || looksLikeMarker(template)) {
        throw new NowPageError('a template must be a single line without now-page markers', {
            ...where,
            hint: 'Write one line per item, e.g. "- {title} ({url})"',
        });
    }
    for (const m of template.matchAll(PLACEHOLDER_RE)) {
        const name = m[1];
        if (!known.includes(name)) {
            throw new NowPageError(`unknown placeholder {${name}} in template ${JSON.stringify(template)}`, {
                ...where,
                hint: `Available placeholders: ${known.map((k) => `{${k}}`).join(', ')}`,
            });
        }
    }
}

/**
 * Untrusted text (PR titles, commit messages) goes onto a public page. It must render as the
 * text it is: never as HTML, a link, emphasis that swallows the rest of the line, a new block, or
 * one of our section markers. Everything here is a pure string transform.
 */
/** Invisible or direction-changing characters: they can hide or reorder text (Trojan Source). */
const INVISIBLE_RE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
/** C0/C1 controls other than whitespace, which become spaces. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Characters with Markdown meaning anywhere in a line (CommonMark allows `\` before any ASCII
 * punctuation, and renders it as the bare character). */
const INLINE_SPECIAL_RE = /[\\`*_[\]|~]/g;
/** Characters that start a block when they open a line, in case a template puts a value first. */
const LEADING_BLOCK_RE = /^([#>+=-]|\d+[.)])/;
const DEFAULT_MAX_TEXT = 200;
const WJ = '\u2060';
/** One line of visible text: invisible and control characters out, whitespace collapsed, cut to
 * `maxLength` characters (code points) with an ellipsis. */
function plainLine(text, maxLength = DEFAULT_MAX_TEXT) {
    const plain = text.replace(INVISIBLE_RE, '').replace(CONTROL_RE, ' ').replace(/\s+/g, ' ').trim();
    const chars = Array.from(plain);
    if (chars.length <= maxLength)
        return plain;
    return (chars
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd() + '…');
}
function escapeInline(text, maxLength = DEFAULT_MAX_TEXT) {
    return (plainLine(text, maxLength)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(INLINE_SPECIAL_RE, (c) => `\\${c}`)
        .replace(LEADING_BLOCK_RE, (c) => `${c.slice(0, -1)}\\${c.slice(-1)}`)
        // Autolink literals (GFM, goldmark's linkify) turn bare URLs and emails into links, some of
        // them after entity decoding, so escaping cannot stop them. A WORD JOINER (invisible, and
        // stripped from the input above) breaks the pattern without changing what a reader sees.
        .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${WJ}//`)
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${WJ}.`)
        .replace(/@/g, `${WJ}@`));
}
/** The first line of a commit message: its subject. */
function subjectLine(message) {
    return message.split(/\r\n|\n|\r/, 1)[0] ?? '';
}
/**
 * URLs come from GitHub's API, but a link destination must still be unable to close the link or
 * run script: only http(s) passes, and characters that end a destination are percent-encoded.
 */
function safeUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return '#';
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return '#';
    return parsed.href.replace(/[()<>\s"'`\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** How the forge writes a reference to the item: `owner/repo#N`, GitLab's `group/project!N`. */
function referenceOf(pr) {
    return `${pr.repo}${/\/-\/merge_requests\/\d+\/?$/.test(pr.url) ? '!' : '#'}${pr.number}`;
}

export { SECTION_NAMES as S, SECTIONS as a, subjectLine as b, checkTemplate as c, safeUrl as d, escapeInline as e, fillTemplate as f, plainLine as g, defaultTemplateFor as h, findMarkedRegions as i, looksLikeMarker as l, markerLine as m, placeholdersFor as p, referenceOf as r, sectionDefinition as s };
