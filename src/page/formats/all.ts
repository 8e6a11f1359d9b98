import * as json from './json.js'
import { provideParsers } from './parsers.js'
import * as toml from './toml.js'
import * as yaml from './yaml.js'

// Every front-matter parser, for the CLI, the scripts and the tests. The Action loads only the
// one its page needs (formats/load.ts).
provideParsers({ toml, yaml, json })
