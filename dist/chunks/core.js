export { e as editPage, l as liveMetadataDate } from './edit-page.js';
import './errors.js';
import './_commonjsHelpers.js';
import 'fs';
import 'stream';
import './input-defaults.js';
import './escape-markdown.js';
import './progress-pattern.js';
