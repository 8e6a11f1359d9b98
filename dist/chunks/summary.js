import { d as dateInZone, I as INPUT_DEFAULTS, i as isIsoDate, c as clockKnowsZone, a as isTimeZone, b as confirmClockAnswers } from './input-defaults.js';
import { N as NowPageError } from './errors.js';
import { c as checkTemplate, S as SECTION_NAMES, a as SECTIONS, s as sectionDefinition, p as placeholdersFor, f as fillTemplate, b as subjectLine, r as referenceOf, d as safeUrl, e as escapeInline } from './reference.js';
import { l as lazyBuiltin, i as isLiteralGlob, I as Inputs } from './inputs.js';
import { appendFileSync } from 'node:fs';
import * as os from 'os';
import os__default, { EOL } from 'os';
import * as fs from 'fs';
import { promises, constants } from 'fs';

class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    {
        optionsObj = {};
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader);
        if (!patchObj) {
            return;
        }
        return formatPatch(patchObj, void 0 );
    }
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

const crypto = lazyBuiltin('node:crypto');
const randomUUID = () => crypto().randomUUID();

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
process.platform === 'win32';
fs.constants.O_RDONLY;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
process.platform === 'win32';

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}

/**
 * Why `name` cannot be the Action's branch, or undefined when it can. Git's rules for a branch
 * name (`git check-ref-format --branch`), plus a refusal of names that spell a ref rather than a
 * branch: GitHub would take `refs/heads/main` as a branch literally named so, beside `main`.
 * Pure, so config can check the input before any request.
 */
function branchNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (/^(?:refs|heads|remotes|tags|pull)\//.test(name))
        return `it names a ref, not a branch: write the branch alone, e.g. '${name.replace(/^(?:refs\/)?(?:heads\/|remotes\/|tags\/)?/, '')}'`;
    if (name === 'HEAD' || name === '@')
        return `'${name}' is reserved by git`;
    if (name.startsWith('-'))
        return 'it starts with "-"';
    // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
    const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name);
    if (bad)
        return `it contains ${JSON.stringify(bad[0])}, which git refuses in a branch name`;
    if (name.includes('..'))
        return 'it contains ".."';
    if (name.includes('@{'))
        return 'it contains "@{"';
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'it has an empty path component (a leading, trailing or double "/")';
    if (name.endsWith('.'))
        return 'it ends with "."';
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `its component '${part}' starts with "."`;
        if (part.endsWith('.lock'))
            return `its component '${part}' ends with ".lock"`;
    }
    return undefined;
}
/** Throws a NowPageError naming `input` when `name` is not a usable branch name. */
function validateBranchName(name, input = 'branch') {
    const problem = branchNameProblem(name);
    if (problem) {
        throw new NowPageError(`'${name}' is not a valid branch name: ${problem}`, {
            input,
            hint: 'Use a plain branch name of its own, e.g. now-page/refresh',
        });
    }
    return name;
}

/** The two REST APIs the Action speaks besides GitHub's: GitLab v4 and Forgejo/Gitea v1. */
const FORGE_KINDS = ['gitlab', 'forgejo'];
/**
 * Hosts whose kind is known, so a plain `codeberg.org someone` line needs no probe. Others are
 * detected (or stated with `gitlab:`/`forgejo:`).
 */
const KNOWN_HOSTS = {
    'gitlab.com': 'gitlab',
    'gitlab.gnome.org': 'gitlab',
    'invent.kde.org': 'gitlab',
    'gitlab.freedesktop.org': 'gitlab',
    'salsa.debian.org': 'gitlab',
    'gitlab.archlinux.org': 'gitlab',
    'framagit.org': 'gitlab',
    'codeberg.org': 'forgejo',
    'gitea.com': 'forgejo',
};
function knownKind(host) {
    const h = host.toLowerCase();
    return (KNOWN_HOSTS[h] ??
        (h.startsWith('gitlab.') ? 'gitlab' : /^(forgejo|gitea)\./.test(h) ? 'forgejo' : undefined));
}
const LOGIN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((raw, i) => ({ line: raw.trim(), n: i + 1 }))
        .filter(({ line }) => line !== '' && !line.startsWith('#'));
}
/**
 * A forge's web root from `host[/path]` (https implied) or `http(s)://host[:port][/path]`, or
 * the reason it is not one.
 */
function parseBase(written) {
    const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(written) ? written : `https://${written}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        return 'is not a host or URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return 'is not an http(s) URL';
    if (url.username || url.password)
        return 'carries credentials';
    if (url.search || url.hash)
        return 'has a query or fragment';
    if (!/[.:]/.test(url.host) && url.hostname !== 'localhost')
        return 'is not a host name';
    return url;
}
/** `https://host/path` without a trailing slash. */
function webRoot(url) {
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
/** `host/path` of a web root: what `forge-tokens` and side projects may write instead. */
function withoutScheme(root) {
    return root.replace(/^https?:\/\//, '').toLowerCase();
}
/**
 * The `forges` input: one `[gitlab:|forgejo:]<base> <login>` per line. Every problem names the
 * input and the line.
 */
function parseForges(value) {
    const accounts = [];
    for (const { line, n } of lines(value)) {
        const where = `line ${n} of forges`;
        const fail = (message, hint) => {
            throw new NowPageError(`${where}: ${message}`, { input: 'forges', hint });
        };
        const words = line.split(/\s+/);
        if (words.length !== 2) {
            fail(words.length === 1 ? `'${line}' has no login` : `'${line}' is not '<forge> <login>'`, 'Write one account per line as host and login, e.g. gitlab.gnome.org someone, or gitlab:https://git.example.org someone');
        }
        const login = words[1] ?? '';
        let written = words[0] ?? '';
        let kind;
        // A kind prefix, not a scheme (`https://`) nor a port (`localhost:8080`).
        const prefix = /^([A-Za-z]+):(?![/\d])/.exec(written);
        if (prefix) {
            const stated = prefix[1].toLowerCase();
            if (!FORGE_KINDS.includes(stated)) {
                fail(`unknown forge kind '${prefix[1]}'`, `Use gitlab: or forgejo: (Gitea too), or no prefix to detect it; GitHub is read through token and api-url`);
            }
            kind = stated;
            written = written.slice(prefix[0].length);
        }
        const url = parseBase(written);
        if (typeof url === 'string') {
            fail(`'${written}' ${url}`, 'Write the forge as a host (gitlab.gnome.org), a host and path, or an http(s) URL such as https://git.example.org; tokens go in forge-tokens');
        }
        const base = webRoot(url);
        if (!LOGIN.test(login)) {
            fail(`'${login}' is not a login`, 'Write the account’s user name, e.g. someone');
        }
        const twice = accounts.find((a) => withoutScheme(a.base) === withoutScheme(base));
        if (twice) {
            fail(`${written} is listed twice`, 'Keep one account per forge');
        }
        kind ??= knownKind(url.hostname);
        accounts.push({ name: written.replace(/\/+$/, ''), base, login, ...(kind ? { kind } : {}) });
    }
    return accounts;
}
/**
 * The `forge-tokens` input: one `<base>=<token>` per line, `<base>` as written in `forges`
 * (scheme optional). An empty token (a secret not available to this run) means no token. The
 * messages never quote a token.
 */
function applyForgeTokens(value, accounts) {
    const tokens = new Map();
    for (const { line, n } of lines(value)) {
        const where = `line ${n} of forge-tokens`;
        const eq = line.indexOf('=');
        if (eq <= 0) {
            throw new NowPageError(`${where} is not '<forge>=<token>'`, {
                input: 'forge-tokens',
                hint: 'Write one line per forge, e.g. gitlab.gnome.org=${{ secrets.GNOME_TOKEN }}',
            });
        }
        const written = line.slice(0, eq).trim();
        const token = line.slice(eq + 1).trim();
        const url = parseBase(written);
        const account = typeof url === 'string'
            ? undefined
            : accounts.find((a) => withoutScheme(a.base) === withoutScheme(webRoot(url)));
        if (!account) {
            throw new NowPageError(`${where}: '${written}' is not a forge listed in forges`, {
                input: 'forge-tokens',
                hint: `Name the forge as forges does (${accounts.map((a) => a.name).join(', ') || 'forges is empty'}), or add a line for it to forges`,
            });
        }
        if (tokens.has(account)) {
            throw new NowPageError(`${where}: a second token for ${account.name}`, {
                input: 'forge-tokens',
                hint: 'Keep one token per forge',
            });
        }
        if (/\s/.test(token)) {
            throw new NowPageError(`${where}: the token for ${account.name} contains a space`, {
                input: 'forge-tokens',
                hint: 'Put one secret after the =, e.g. codeberg.org=${{ secrets.CODEBERG_TOKEN }}',
            });
        }
        tokens.set(account, token);
    }
    return accounts.map((a) => {
        const token = tokens.get(a);
        return token ? { ...a, token } : a;
    });
}
/**
 * Whether a `side-projects` repository names a forge rather than GitHub: a URL, or a path whose
 * first part has a dot (a host; GitHub owners have none).
 */
function looksLikeForgeRepo(repo) {
    return repo.includes('://') || /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?\//.test(repo);
}
/**
 * The forge of a side project, by the longest configured base that prefixes it, or the reason
 * none does.
 */
function forgeProject(written, accounts) {
    const url = parseBase(written);
    if (typeof url === 'string')
        return `'${written}' ${url}`;
    const where = withoutScheme(webRoot(url));
    const account = accounts
        .filter((a) => where.startsWith(withoutScheme(a.base) + '/'))
        .sort((a, b) => b.base.length - a.base.length)[0];
    if (!account) {
        return `${url.host} is not a forge listed in forges`;
    }
    const rest = webRoot(url)
        .replace(/^https?:\/\//, '')
        .slice(withoutScheme(account.base).length + 1)
        .replace(/\.git$/, '')
        .replace(/\/-\/.*$/, '');
    const parts = rest.split('/');
    if (parts.length < 2 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p) || /^\.+$/.test(p))) {
        return `'${written}' does not name a repository on ${account.name} (owner/name after it)`;
    }
    if (account.kind === 'forgejo' && parts.length !== 2) {
        return `'${written}' is not owner/name on ${account.name}`;
    }
    return { forge: account.base, repo: rest };
}

const PAGE_PATH_CANDIDATES = [
    'content/now.md',
    'content/now/index.md',
    'src/pages/now.md',
    'src/content/pages/now.md',
    '_pages/now.md',
    'now.md',
];
/** The input names, from action.yml. */
function inputNames() {
    return Object.keys(INPUT_DEFAULTS);
}
const PR_PLACEHOLDERS = ['today', 'since', 'path', 'new_pull_requests', 'new_commits'];
const GLOB_INPUTS = ['include-repos', 'exclude-repos', 'exclude-orgs'];
async function loadEngines(inputs, use) {
    const later = use.engineChecksLater ?? false;
    const patterns = !later && sideProjectLines(inputs.get('side-projects')).some((l) => l.pattern);
    const globs = GLOB_INPUTS.some((name) => inputs.list(name).some((g) => !isLiteralGlob(g)));
    const [re2, picomatch] = await Promise.all([
        patterns ? import('./progress-pattern.js') : undefined,
        globs ? import('./picomatch.js').then(function (n) { return n.i; }) : undefined,
    ]);
    return {
        ...(later ? { compileLater: true } : {}),
        ...(re2 ? { compilePattern: re2.compileProgressPattern } : {}),
        ...(picomatch ? { makeRe: (glob) => picomatch.default.makeRe(glob) } : {}),
    };
}
/**
 * Turns the Action's inputs into a validated Config. Every problem is a NowPageError naming the
 * input, the value and what is allowed; nothing is read from GitHub here. Asynchronous only to
 * load the engines a progress pattern or a glob needs (see Engines).
 */
async function configFromInputs(getInput, env = process.env, use = {}) {
    const inputs = new Inputs(getInput);
    return readConfig(inputs, env, use, await loadEngines(inputs, use));
}
/**
 * The checks {@link configFromInputs} leaves for later with `engineChecksLater`: the time zone
 * the clock answered for, confirmed by Intl, and every progress pattern compiled with RE2. Each
 * failure is the NowPageError configFromInputs would have thrown.
 */
async function checkEngineInputs(getInput, config) {
    const unconfirmed = confirmClockAnswers();
    if (unconfirmed !== undefined) {
        throw new NowPageError(`unknown time zone '${unconfirmed}'`, {
            input: 'time-zone',
            hint: TIME_ZONE_HINT,
        });
    }
    if (!config.sideProjects.some((p) => p.progressPattern))
        return;
    const { compileProgressPattern } = await import('./progress-pattern.js');
    const inputs = new Inputs(getInput);
    parseSideProjects(inputs.get('side-projects'), { compilePattern: compileProgressPattern }, config.forges.accounts);
}
const TIME_ZONE_HINT = 'Use an IANA name such as UTC, Europe/Berlin or Asia/Kolkata';
function readConfig(inputs, env, use, engines) {
    const maxItems = inputs.number('max-items', /^\d+$/, (n) => n >= 1, 'a positive whole number');
    const apiTimeoutMinutes = inputs.number('api-timeout-minutes', /^\d+(\.\d+)?$/, (n) => n > 0, 'a positive number of minutes');
    const forges = readForges(inputs, env);
    return {
        token: readToken(inputs, use.needsToken ?? true),
        author: inputs.get('author').replace(/^@/, '') || undefined,
        pagePath: readPagePath(inputs),
        apiUrl: readApiUrl(inputs, env),
        timeZone: readTimeZone(inputs, use.engineChecksLater ?? false),
        since: parseSince(inputs.get('since')),
        maxItems,
        apiTimeoutMinutes,
        sideProjects: parseSideProjects(inputs.get('side-projects'), engines, forges),
        forges: { accounts: forges, timeoutMinutes: apiTimeoutMinutes },
        includeRepos: inputs.globs('include-repos', engines.makeRe),
        excludeRepos: inputs.globs('exclude-repos', engines.makeRe),
        excludeOrgs: inputs.globs('exclude-orgs', engines.makeRe),
        edit: readEditOptions(inputs, maxItems),
        publish: readPublishOptions(inputs),
    };
}
/**
 * `forges` and `forge-tokens`. On a runner each token is masked at once, before anything can log
 * it (the CLI reads settings from a file and passes no GITHUB_ACTIONS: nothing to mask there, and
 * `::add-mask::` would print the token to a terminal).
 */
function readForges(inputs, env) {
    const accounts = applyForgeTokens(inputs.raw('forge-tokens'), parseForges(inputs.raw('forges')));
    if (env.GITHUB_ACTIONS === 'true') {
        for (const a of accounts)
            if (a.token)
                setSecret(a.token);
    }
    return accounts;
}
function readToken(inputs, needed) {
    const token = inputs.get('token');
    if (needed && !token) {
        inputs.fail('token', 'the token is empty (a secret that is not set reads as empty)', 'Check the secret named in `token:` exists in Settings → Secrets and variables → Actions, or remove `token:` to use the default GITHUB_TOKEN');
    }
    return token;
}
/** Extensions of pages a site generator renders: Markdown family, HTML, Org and reST. */
const PAGE_EXTENSIONS = [
    '.md',
    '.markdown',
    '.mdown',
    '.mkd',
    '.mkdn',
    '.mdx',
    '.html',
    '.htm',
    '.org',
    '.rst',
];
function readPagePath(inputs) {
    const pagePath = inputs.get('page-path') || undefined;
    if (!pagePath)
        return undefined;
    if (pagePath.startsWith('/') ||
        /^[A-Za-z]:/.test(pagePath) ||
        pagePath.split(/[\\/]/).includes('..')) {
        inputs.fail('page-path', `'${pagePath}' points outside the repository`, 'Use a path relative to the repository root, e.g. content/now.md');
    }
    const extension = /\.[^./\\]+$/.exec(pagePath)?.[0]?.toLowerCase();
    if (!extension || !PAGE_EXTENSIONS.includes(extension)) {
        inputs.fail('page-path', `'${pagePath}' is not a page`, `Point it at the Now page itself, a file ending in ${PAGE_EXTENSIONS.join(' ')}, e.g. content/now.md`);
    }
    return pagePath;
}
function readApiUrl(inputs, env) {
    const given = inputs.get('api-url');
    const value = given || env.GITHUB_API_URL || 'https://api.github.com';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
        inputs.fail('api-url', `'${value}'${given ? '' : ' (from GITHUB_API_URL)'} is not an http(s) URL`, 'Use the REST API root, e.g. https://api.github.com or https://HOST/api/v3 for GitHub Enterprise Server, or leave it empty');
    }
    return value.replace(/\/+$/, '');
}
function readTimeZone(inputs, confirmedLater) {
    const timeZone = inputs.get('time-zone');
    if (!(confirmedLater && clockKnowsZone(timeZone)) && !isTimeZone(timeZone)) {
        inputs.fail('time-zone', `unknown time zone '${timeZone}'`, TIME_ZONE_HINT);
    }
    return timeZone;
}
function readEditOptions(inputs, maxItems) {
    const enabled = inputs.list('sections');
    for (const s of enabled) {
        if (!SECTION_NAMES.includes(s)) {
            inputs.fail('sections', `unknown section '${s}'`, `Known sections: ${SECTION_NAMES.join(', ')}`);
        }
    }
    const groupByRepo = inputs.bool('group-by-repo');
    const section = (name) => readSection(inputs, name, { enabled: enabled.includes(name), groupByRepo, maxItems });
    const addDateField = inputs.get('add-date-field') || undefined;
    if (addDateField && !/^[A-Za-z0-9_-]+$/.test(addDateField)) {
        inputs.fail('add-date-field', `'${addDateField}' is not a front-matter key`, 'Use a plain key such as lastmod');
    }
    return {
        dateFields: inputs.list('date-fields'),
        addDateField,
        updateBodyDate: inputs.bool('update-body-date'),
        sections: Object.fromEntries(SECTION_NAMES.map((name) => [name, section(name)])),
        insert: readInsert(inputs),
    };
}
function readSection(inputs, name, shared) {
    const names = SECTIONS[name].inputs;
    const groupByRepo = sectionDefinition(name).grouped ? shared.groupByRepo : undefined;
    const template = inputs.get(names.template) || undefined;
    if (template) {
        checkTemplate(template, placeholdersFor(name, { groupByRepo }), { input: names.template });
    }
    const title = inputs.raw(names.title);
    return {
        enabled: shared.enabled,
        heading: inputs.get(names.heading) || undefined,
        title: title === '' ? undefined : title.trim(),
        template,
        maxItems: shared.maxItems,
        groupByRepo,
    };
}
function readInsert(inputs) {
    const insertRaw = inputs.get('insert-at');
    if (insertRaw === 'end')
        return { at: 'end' };
    if (/^after-heading:\s*\S/.test(insertRaw)) {
        return { at: 'after-heading', heading: insertRaw.slice('after-heading:'.length).trim() };
    }
    return inputs.fail('insert-at', `'${insertRaw}' is not a place`, 'Use end, or after-heading:<heading text> such as after-heading:Outside Work');
}
function readPublishOptions(inputs) {
    for (const name of ['title', 'commit-message']) {
        checkTemplate(inputs.get(name), PR_PLACEHOLDERS, { input: name });
    }
    const base = inputs.get('base');
    return {
        base,
        branch: readBranch(inputs, base),
        title: inputs.get('title'),
        body: inputs.raw('body'),
        commitMessage: inputs.get('commit-message'),
        labels: inputs.list('labels'),
        reviewers: inputs.list('reviewers').map((r) => r.replace(/^@/, '')),
        assignees: inputs.list('assignees').map((r) => r.replace(/^@/, '')),
        draft: inputs.bool('draft'),
        author: inputs.identity('commit-author'),
        committer: inputs.identity('committer'),
        onHumanEdit: inputs.choice('on-human-edit', ['skip', 'rebase-onto'], 'Use skip (leave the branch alone) or rebase-onto (add the Action’s commit on top)'),
        dryRun: inputs.bool('dry-run'),
    };
}
/** The Action's branch: a valid branch name, never the base it proposes to. */
function readBranch(inputs, base) {
    const branch = inputs.get('branch');
    const problem = branchNameProblem(branch);
    if (problem) {
        inputs.fail('branch', `'${branch}' is not a branch name: ${problem}`, 'Use a name such as now-page/refresh');
    }
    if (base && branch === base.replace(/^refs\/heads\//, '')) {
        inputs.fail('branch', `'${branch}' is the base branch`, 'The Action commits to its own branch and proposes it to the base; use a name such as now-page/refresh');
    }
    return branch;
}
function parseSince(value) {
    if (value === 'page')
        return { kind: 'page' };
    const d = /^(\d+)\s*([dwmy])$/.exec(value);
    if (d) {
        const n = Number(d[1]);
        const days = n * { d: 1, w: 7, m: 30, y: 365 }[d[2]];
        if (days >= 1)
            return { kind: 'duration', days };
    }
    if (isIsoDate(value)) {
        return { kind: 'date', date: value };
    }
    throw new NowPageError(`'${value}' is not a window start`, {
        input: 'since',
        hint: 'Use a duration such as 90d, 12w, 6m or 1y, a date such as 2025-05-01, or page (the page’s own date)',
    });
}
/** The side-projects input's lines that say something: `owner/name [pattern]`, numbered from 1. */
function sideProjectLines(value) {
    return value.split(/\r?\n/).flatMap((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return [];
        const [repo = '', ...rest] = line.split(/\s+/);
        const pattern = rest.join(' ') || undefined;
        return [{ number: i + 1, repo, ...(pattern ? { pattern } : {}) }];
    });
}
/** `engines.compilePattern` must be given when a line has a pattern (configFromInputs loads it). */
function parseSideProjects(value, engines, forges = []) {
    const projects = [];
    for (const { number, repo: written, pattern } of sideProjectLines(value)) {
        const where = `line ${number} of side-projects`;
        let repo = written;
        let forge;
        if (looksLikeForgeRepo(written)) {
            const found = forgeProject(written, forges);
            if (typeof found === 'string') {
                throw new NowPageError(`${where}: ${found}`, {
                    input: 'side-projects',
                    hint: 'A project on GitLab or Forgejo needs its forge in forges (e.g. codeberg.org someone); then write https://codeberg.org/owner/name or codeberg.org/owner/name',
                });
            }
            ({ repo, forge } = found);
        }
        // GitHub's rules: an owner of letters, digits and inner hyphens; a name that is not . or ..
        const [, name] = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/([A-Za-z0-9_.-]+)$/.exec(repo) ?? [];
        if (!forge && (!name || name === '.' || name === '..')) {
            throw new NowPageError(`${where}: '${repo}' is not owner/repo`, {
                input: 'side-projects',
                hint: 'Write one repository per line as owner/name, optionally followed by a progress pattern',
            });
        }
        if (projects.some((p) => p.forge === forge && p.repo.toLowerCase() === repo.toLowerCase())) {
            throw new NowPageError(`${where}: ${written} is listed twice`, {
                input: 'side-projects',
                hint: 'Keep one line per repository',
            });
        }
        if (pattern && !engines.compileLater) {
            if (!engines.compilePattern)
                throw new Error('parseSideProjects: RE2 is not loaded');
            // The same linear-time engine (RE2) the page core matches with, so a pattern it cannot run
            // (backreferences, lookaround) fails here, before anything is written.
            const re = engines.compilePattern(pattern, `${repo} (${where})`);
            if (!/\(\?P?<[A-Za-z_]\w*>/.test(re.pattern())) {
                throw new NowPageError(`${where}: the progress pattern has no named group`, {
                    input: 'side-projects',
                    hint: 'Name what to report, e.g. ch(?<chapter>\\d+)',
                });
            }
        }
        projects.push({
            repo,
            ...(pattern ? { progressPattern: pattern } : {}),
            ...(forge ? { forge } : {}),
        });
    }
    return projects;
}
/** `YYYY-MM-DD` of an instant in a time zone: the day the author is living. */
function todayIn(timeZone, now) {
    return dateInZone(now, timeZone);
}
/** Start of the window. `page` without a page date falls back to 90 days. */
function sinceDate(since, today, pageDate) {
    if (since.kind === 'date')
        return since.date;
    if (since.kind === 'page' && pageDate)
        return pageDate;
    const days = since.kind === 'duration' ? since.days : 90;
    const t = new Date(`${today}T00:00:00Z`).getTime() - days * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
}

/**
 * The moved dates as one line each, for the PR body and `now-page edit --explain`:
 * "`lastmod` (line 4): 2024-05-06 → 2025-08-24", "line 12: March 2023 → August 2025 (…)".
 * Plain text: the caller escapes it for Markdown.
 */
function explainDates(report) {
    const lines = report.movedDates.map((d) => {
        const where = d.kind === 'field' ? `${d.name} (line ${d.line})` : d.name;
        const change = d.from === null ? `added, ${d.to}` : `${d.from} → ${d.to}`;
        const guess = d.guessedOrder
            ? ` (read as ${d.guessedOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}: nothing on the page said which)`
            : '';
        return `${where}: ${change}${guess}`;
    });
    if (report.noLiveDate)
        lines.push(`No date on this page says when it was updated: ${report.noLiveDate.suggestion}.`);
    return lines;
}

/**
 * Text copied from elsewhere (PR titles, commit subjects, page notes) into a pull request body,
 * title or commit message must not notify anyone or act on any issue. GitHub turns `@user`,
 * `#N`, `GH-N`, `owner/repo#N` and issue or pull request URLs into mentions and cross-references
 * (each one adds an event to the target's timeline), and a closing keyword before a reference
 * closes that issue when the pull request merges. A ZERO WIDTH JOINER, invisible, placed inside
 * each pattern (right after the `@`, as Dependabot does) breaks it without changing what a reader
 * sees. Only for pull request text: files are not scanned for references, so the page keeps its
 * text as it is.
 */
const ZWJ = '\u200D';
const MENTION_RE = /@/g;
const ISSUE_NUMBER_RE = /#(?=\d)/g;
const GH_NUMBER_RE = /(gh-)(?=\d)/gi;
const ISSUE_URL_PATH_RE = /\/(issues|pulls?|discussions)\/(?=\d)/gi;
const CLOSING_KEYWORD_RE = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b/gi;
function neutralizeReferences(text) {
    return text
        .replace(MENTION_RE, `@${ZWJ}`)
        .replace(ISSUE_NUMBER_RE, `#${ZWJ}`)
        .replace(GH_NUMBER_RE, `$1${ZWJ}`)
        .replace(ISSUE_URL_PATH_RE, `/$1/${ZWJ}`)
        .replace(CLOSING_KEYWORD_RE, `$1${ZWJ}`);
}
const REDIRECT_HOST = 'https://redirect.github.com';
/**
 * A link to an upstream pull request or issue that does not add an event to its timeline:
 * github.com paths go through GitHub's non-notifying redirect host (what Dependabot and Renovate
 * use). Other servers (GitHub Enterprise) have no such host, so those get no link at all.
 */
function quietLink(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' || parsed.hostname.toLowerCase() !== 'github.com')
        return undefined;
    if (!/^\/[\w.-]+\/[\w.-]+\/(pull|issues)\/\d+$/.test(parsed.pathname))
        return undefined;
    return REDIRECT_HOST + parsed.pathname;
}

/** What is new on the page: PRs and commits whose links the base page does not have yet. */
function whatIsNew(activity, baseText) {
    const pullRequests = activity.pullRequests.filter((pr) => !baseText.includes(pr.url));
    const projects = activity.projects
        .map((p) => ({ repo: p.repo, commits: p.commits.filter((c) => !baseText.includes(c.sha)) }))
        .filter((p) => p.commits.length > 0);
    return { pullRequests, projects };
}
function prTitle(template, input) {
    return fillTemplate(template, values(input));
}
function commitMessage(template, input) {
    return fillTemplate(template, values(input));
}
function values(input) {
    const news = whatIsNew(input.activity, input.baseText);
    return {
        today: input.today,
        since: input.since,
        // Plain text (titles and commit messages are not Markdown), but a path is still copied text.
        path: neutralizeReferences(input.path),
        new_pull_requests: String(news.pullRequests.length),
        new_commits: String(news.projects.reduce((n, p) => n + p.commits.length, 0)),
    };
}
/** Untrusted text in the body: inert Markdown that mentions and references nothing. */
function copied(text, maxLength) {
    return neutralizeReferences(escapeInline(text, maxLength));
}
/**
 * `owner/repo#N` (`group/project!N` for a GitLab merge request), linked without notifying the
 * upstream pull request: github.com through its quiet redirect (see quietLink); another forge's
 * page directly, since GitHub records no cross-reference for it.
 */
function pullRequestRef(pr) {
    const onForge = pr.forge !== undefined && pr.forge !== 'github.com';
    const text = copied(referenceOf(pr));
    // safeUrl: an http(s) address made safe as a Markdown link target ('#' for anything else).
    const link = onForge ? safeUrl(pr.url) : quietLink(pr.url);
    if (link === '#')
        return text;
    return link ? `[${text}](${link})` : text;
}
/** The PR body: what changed, the window, and how to refresh. Titles are untrusted here too. */
function prBody(input, extra) {
    const news = whatIsNew(input.activity, input.baseText);
    const lines = [
        `This pull request refreshes \`${neutralizeReferences(input.path)}\` with activity since **${input.since}** (today: ${input.today}).`,
        '',
    ];
    if (news.pullRequests.length > 0) {
        lines.push(`**New merged pull requests (${news.pullRequests.length})**`, '');
        for (const pr of news.pullRequests.slice(0, 50)) {
            lines.push(`- ${pullRequestRef(pr)}: ${copied(pr.title)}`);
        }
        if (news.pullRequests.length > 50)
            lines.push(`- …and ${news.pullRequests.length - 50} more`);
        lines.push('');
    }
    if (news.projects.length > 0) {
        lines.push('**Side-project commits**', '');
        for (const p of news.projects) {
            const latest = p.commits[0];
            const subject = latest ? `; latest: ${copied(subjectLine(latest.message), 100)}` : '';
            lines.push(`- ${copied(p.repo)}: ${p.commits.length} commit${p.commits.length === 1 ? '' : 's'}${subject}`);
        }
        lines.push('');
    }
    lines.push(...skippedText(input.activity));
    const sections = input.report.sections
        .filter((s) => s.status === 'updated' || s.status === 'inserted')
        .map((s) => `\`${s.name}\` (${s.status})`);
    if (sections.length > 0)
        lines.push(`Sections changed: ${sections.join(', ')}.`);
    lines.push(...movedDatesText(input.report));
    for (const note of input.report.notes) {
        lines.push(`> Note${note.line ? ` (line ${note.line})` : ''}: ${copied(note.message, 300)}`);
    }
    lines.push('', '---', `Review, edit or merge as you like: your commits on this branch are never overwritten. ` +
        `To refresh now, run the workflow from the Actions tab (workflow_dispatch)` +
        (input.workflowUrl ? ` — [open it](${input.workflowUrl})` : '') +
        '.', '', '<sub>Opened by [now-page-action](https://github.com/marketplace/actions/now-page).</sub>');
    if (extra)
        lines.splice(2, 0, extra, '');
    return lines.join('\n');
}
/** Each date moved to today, field or line, old -> new (the page core's own explanation, so the
 * PR body and `now-page edit --explain` say the same), or how to add one when the page has none.
 * The old values are the author's own text: escaped like any copied text. */
function movedDatesText(report) {
    const lines = explainDates(report);
    const moved = lines.slice(0, report.movedDates.length);
    const out = [];
    if (moved.length > 0) {
        out.push('', '**Dates moved to today**', '', ...moved.map((l) => `- ${copied(l, 300)}`), '');
    }
    if (report.noLiveDate)
        out.push('', `> ${copied(lines.at(-1) ?? '', 300)}`);
    return out;
}
/** Sources the readers could not read, and why: a reviewer should know the page may lack them.
 * Rendered generically (side projects, forges…); both fields may carry copied text. */
function skippedText(activity) {
    const skipped = activity.skipped ?? [];
    if (skipped.length === 0)
        return [];
    return [
        `**Not read this run (${skipped.length})**`,
        '',
        ...skipped.map((s) => `- ${copied(s.source, 200)}: ${copied(s.reason, 500)}`),
        '',
    ];
}

/** The job summary: what was found, what the page edit did, the diff, and the PR link. */
function writeSummary(input, file) {
    if (!file)
        return;
    const { activity, report, result } = input;
    // core.summary builds the Markdown; the file is written here because core.summary.write()
    // remembers the first GITHUB_STEP_SUMMARY it saw, and a job may run more than once in a process.
    const s = summary.emptyBuffer().addHeading(`Now page: ${input.path}`, 2);
    s.addRaw(`${input.dryRun ? '**Dry run**: nothing was written. ' : ''}${result.message} Window: ${input.since} to ${input.today}.`, true);
    if (input.dispatch)
        s.addRaw(dispatchText(input.dispatch), true);
    if (result.pullRequest)
        s.addLink(`Pull request #${result.pullRequest.number}`, result.pullRequest.url).addBreak();
    s.addTable([
        [
            { data: 'what', header: true },
            { data: 'found', header: true },
            { data: 'on the page', header: true },
        ],
        ...report.sections.map((sec) => [
            sec.name === 'contributions' ? 'merged upstream pull requests' : 'side projects',
            String(sec.name === 'contributions' ? activity.pullRequests.length : activity.projects.length),
            `${sec.items} (${sec.status}${sec.omitted ? `, ${sec.omitted} left out by max-items` : ''})`,
        ]),
    ]);
    const skipped = skippedText(activity);
    if (skipped.length > 0)
        s.addRaw(`\n\n${skipped.join('\n')}\n`, true);
    if (result.diff)
        s.addDetails('Diff of the page', `\n\n${DIFF_START}${result.diff}${DIFF_END}\n\n`);
    for (const w of result.warnings)
        s.addRaw(`> ⚠️ ${w}`, true);
    appendFileSync(file, s.stringify());
    s.emptyBuffer();
}
const DIFF_START = '```diff\n';
const DIFF_END = '\n```';
/** The page's diff from a job summary this module wrote (the CLI's preview prints it). */
function diffFromSummary(summary) {
    const start = summary.indexOf(DIFF_START);
    const end = summary.lastIndexOf(DIFF_END);
    if (start < 0 || end < start)
        return '';
    const diff = summary.slice(start + DIFF_START.length, end);
    return diff.endsWith('\n') ? diff : diff + '\n';
}
/**
 * The run's one-sentence outcome. The publish layer says "nothing new since the last refresh"
 * when the page needs no change; on a page none of whose sections is there yet (no refresh ever
 * wrote it) that is wrong: nothing was found to start them with.
 */
function outcomeMessage(result, report, input) {
    if (result.operation !== 'none' || result.changed)
        return result.message;
    const on = report.sections.filter((s) => s.status !== 'disabled');
    const neverRefreshed = on.length > 0 && on.every((s) => s.status === 'unchanged' && !s.line);
    if (!neverRefreshed)
        return result.message;
    return `${input.path} is unchanged: nothing found since ${input.since} to start its ${on.map((s) => s.name).join(' and ')} section${on.length === 1 ? '' : 's'} with; they are added on the first run that finds some.`;
}
/** One line for the summary; the values are what a person typed, so they are escaped. */
function dispatchText(inputs) {
    const asked = Object.entries(inputs)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `${/^[\w-]+$/.test(name) ? `\`${name}\`` : typed(name)}: ${typed(value)}`);
    return asked.length > 0
        ? `Run by hand (workflow_dispatch) with ${asked.join(', ')}.`
        : "Run by hand (workflow_dispatch) with the workflow's defaults.";
}
/** Text a person typed, as inert bold Markdown (not a code span: a backtick could close one). */
function typed(text) {
    return `**${neutralizeReferences(escapeInline(text, 200))}**`;
}

export { ExitCode as E, PAGE_PATH_CANDIDATES as P, configFromInputs as a, checkEngineInputs as b, createTwoFilesPatch as c, diffFromSummary as d, explainDates as e, error as f, getInput as g, debug as h, inputNames as i, sinceDate as j, setOutput as k, startGroup as l, info as m, notice as n, outcomeMessage as o, endGroup as p, commitMessage as q, prBody as r, setSecret as s, todayIn as t, prTitle as u, validateBranchName as v, writeSummary as w, warning as x };
