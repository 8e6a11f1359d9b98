/** True for a real calendar date written exactly `YYYY-MM-DD` (the one validator config,
 * activity and page code share). */
function isIsoDate(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m !== null && isValidDate({ year: +m[1], month: +m[2], day: +m[3] });
}
/** Parses `YYYY-MM-DD`; throws on anything else so a bad `today` never becomes NaN text. */
function parseIsoDate(value) {
    if (!isIsoDate(value))
        throw new Error(`'${value}' is not a calendar date written YYYY-MM-DD`);
    const [year, month, day] = value.split('-').map(Number);
    return { year, month, day };
}
function isValidDate({ year, month, day }) {
    if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1)
        return false;
    return day <= daysInMonth(year, month);
}
function daysInMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
function weekdayOf({ year, month, day }) {
    return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
/** Whether a written date already says `target`, comparing only the components it has. */
function saysSameDay(written, target) {
    return (written.month === target.month &&
        (written.year === undefined || written.year === target.year) &&
        (written.day === undefined || written.day === target.day));
}
function toIso({ year, month, day }) {
    const p = (n, w) => String(n).padStart(w, '0');
    return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`;
}

/**
 * Time-zone math through Intl's zone data: no hand-written offsets, no clock. Formatters are
 * costly to build (the process's first one loads ICU's zone data: ~15-25 ms), so each zone's is
 * built once, on first use, and UTC, the default, needs none.
 */
const formatters = new Map();
function formatterFor(timeZone) {
    let fmt = formatters.get(timeZone);
    if (!fmt) {
        fmt = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        });
        formatters.set(timeZone, fmt);
    }
    return fmt;
}
/** True when Intl knows the IANA zone name (`UTC`, `Europe/Berlin`…). */
function isTimeZone(timeZone) {
    if (timeZone === 'UTC')
        return true;
    try {
        formatterFor(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
/** `['YYYY-MM-DD', 'HH:MM:SS']` of an instant (ms or ISO text) in a time zone. Throws a
 * RangeError for an unknown zone. */
function partsInZone(instant, timeZone) {
    const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
    // Years 1000-9999: four digits, written by toISOString as the formatter writes them.
    if (timeZone === 'UTC' && t >= -30610224e6 && t < 253_402_300_800_000) {
        const iso = new Date(t).toISOString();
        return [iso.slice(0, 10), iso.slice(11, 19)];
    }
    const parts = formatterFor(timeZone).formatToParts(t);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '00';
    return [
        `${get('year')}-${get('month')}-${get('day')}`,
        `${get('hour')}:${get('minute')}:${get('second')}`,
    ];
}
/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: what the author would call
 * the day it happened. Unparseable text falls back to its first ten characters. */
function dateInZone(instant, timeZone) {
    const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
    if (Number.isNaN(t))
        return typeof instant === 'string' ? instant.slice(0, 10) : '';
    return partsInZone(t, timeZone)[0];
}

// Generated from action.yml by `npm run readme` (scripts/readme-tables.mjs); do not edit.
// Every input of the Action with its default, as action.yml states it: the one source.
const INPUT_DEFAULTS = {
    token: '${{ github.token }}',
    author: '',
    'page-path': '',
    'side-projects': '',
    forges: '',
    'forge-tokens': '',
    'include-repos': '',
    'exclude-repos': '',
    'exclude-orgs': '',
    since: '90d',
    'max-items': '10',
    'time-zone': 'UTC',
    'api-url': '',
    sections: 'contributions, progress',
    'date-fields': 'date, lastmod, updated, last_modified_at, modified',
    'add-date-field': '',
    'update-body-date': 'true',
    'contributions-heading': '',
    'progress-heading': '',
    'contributions-template': '',
    'progress-template': '',
    'contributions-title': '',
    'progress-title': '',
    'insert-at': 'end',
    'group-by-repo': 'false',
    base: '',
    branch: 'now-page/refresh',
    title: 'Update Now page ({today})',
    body: '',
    'commit-message': 'Update Now page ({today})',
    labels: '',
    reviewers: '',
    assignees: '',
    draft: 'false',
    'on-human-edit': 'skip',
    'commit-author': '',
    committer: '',
    'dry-run': 'false',
    'api-timeout-minutes': '10',
};

export { INPUT_DEFAULTS as I, isTimeZone as a, daysInMonth as b, isValidDate as c, dateInZone as d, partsInZone as e, isIsoDate as i, parseIsoDate as p, saysSameDay as s, toIso as t, weekdayOf as w };
