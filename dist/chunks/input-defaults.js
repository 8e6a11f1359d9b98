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
 * Time-zone math over ICU's zone data, two ways. Intl's formatters are exact but costly to build:
 * the process's first one initialises ICU's locale data, ~22 ms, whatever the zone. The process
 * clock (`Date` with `TZ` set) reads the same zone data for ~0.1 ms, so the Action's start uses
 * it for the few instants its first requests need; {@link confirmClockAnswers} later checks each
 * of those answers with Intl, before anything is written. Once a zone's formatter exists it is
 * used for every answer. UTC needs neither.
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
/** Years 1000-9999: four digits, written by toISOString and the formatter alike. */
const FOUR_DIGIT_YEARS = (t) => t >= -30610224e6 && t < 253_402_300_800_000;
// An IANA name's shape. `TZ` also takes POSIX rules (`EST5EDT,M3.2.0,M11.1.0`, `:Europe/Paris`,
// `<+0530>-5:30`) that Intl reads differently or not at all: those never reach the clock.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
/** Answers the clock gave, by zone, until Intl confirms them. */
const clockAnswers = new Map();
function withTz(timeZone, read) {
    const saved = process.env.TZ;
    process.env.TZ = timeZone;
    try {
        return read();
    }
    finally {
        // Node resets V8's zone cache on both; nothing else runs in between (this is synchronous).
        if (saved === undefined)
            delete process.env.TZ;
        else
            process.env.TZ = saved;
    }
}
let clockFollowsTz;
/** True where setting `TZ` moves `Date`'s local time (not every platform's ICU reads it). */
function clockWorks() {
    return (clockFollowsTz ??=
        withTz('Etc/GMT-14', () => new Date(0).getTimezoneOffset()) === -840 &&
            withTz('Etc/GMT+12', () => new Date(0).getTimezoneOffset()) === 720);
}
/**
 * The zone's local date and time at `t` through the process clock (exported for its tests: the
 * Action reaches it through partsInZone), or undefined when the clock
 * cannot be trusted to know the zone: ICU reads an ID it does not know as GMT, so a zone whose
 * offset is 0 in January, July and at `t` is left to Intl (UTC-like zones, unknown names).
 */
function partsViaClock(t, timeZone) {
    if (!IANA_NAME.test(timeZone) || !FOUR_DIGIT_YEARS(t) || !clockWorks())
        return undefined;
    return withTz(timeZone, () => {
        const d = new Date(t);
        const year = d.getFullYear();
        const offsets = [d, new Date(year, 0, 1), new Date(year, 6, 1)].map((x) => x.getTimezoneOffset());
        // Intl writes years before 1000 with fewer digits: those (and after 9999) are left to it.
        if (offsets.every((o) => o === 0) || year < 1000 || year > 9999)
            return undefined;
        const two = (n) => String(n).padStart(2, '0');
        return [
            `${year}-${two(d.getMonth() + 1)}-${two(d.getDate())}`,
            `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`,
        ];
    });
}
/**
 * True when the process clock knows the zone, so {@link partsInZone} can answer for it without
 * building a formatter. Intl has not confirmed it yet: see {@link confirmClockAnswers}.
 */
function clockKnowsZone(timeZone) {
    return timeZone === 'UTC' || partsViaClock(Date.UTC(2025, 6, 1), timeZone) !== undefined;
}
/**
 * Checks every answer the clock gave against Intl (building each zone's formatter, the cost the
 * clock saved at start). Returns the first zone Intl does not know, or whose answers differ, and
 * undefined when all are confirmed; from then on the formatter answers for those zones.
 */
function confirmClockAnswers() {
    for (const [timeZone, answers] of clockAnswers) {
        let fmt;
        try {
            fmt = formatterFor(timeZone);
        }
        catch {
            return timeZone;
        }
        for (const [t, parts] of answers) {
            if (formatParts(fmt, t).join(' ') !== parts.join(' '))
                return timeZone;
        }
        clockAnswers.delete(timeZone);
    }
    return undefined;
}
function formatParts(fmt, t) {
    const parts = fmt.formatToParts(t);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '00';
    return [
        `${get('year')}-${get('month')}-${get('day')}`,
        `${get('hour')}:${get('minute')}:${get('second')}`,
    ];
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
    if (timeZone === 'UTC' && FOUR_DIGIT_YEARS(t)) {
        const iso = new Date(t).toISOString();
        return [iso.slice(0, 10), iso.slice(11, 19)];
    }
    const fmt = formatters.get(timeZone);
    if (fmt)
        return formatParts(fmt, t);
    let answers = clockAnswers.get(timeZone);
    // Each clock answer sets TZ twice (ICU re-reads the zone each time): asked again, it is reused.
    const known = answers?.get(t);
    if (known)
        return known;
    // A start needs a handful of instants; past that, the formatter is worth building.
    const viaClock = (answers?.size ?? 0) < 64 ? partsViaClock(t, timeZone) : undefined;
    if (viaClock) {
        if (!answers)
            clockAnswers.set(timeZone, (answers = new Map()));
        answers.set(t, viaClock);
        return viaClock;
    }
    return formatParts(formatterFor(timeZone), t);
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

export { INPUT_DEFAULTS as I, isTimeZone as a, confirmClockAnswers as b, clockKnowsZone as c, dateInZone as d, partsInZone as e, daysInMonth as f, isValidDate as g, isIsoDate as i, parseIsoDate as p, saysSameDay as s, toIso as t, weekdayOf as w };
