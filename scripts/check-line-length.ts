// Part of `npm run lint`: fails, naming file:line, when a source line is longer than 120 characters. Biome wraps
// code but not strings or comments, so those are split by hand; generated code and lockfiles are not checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX = 120;
const FOLDERS = ['src', 'test', 'web/src', 'scripts', 'infra', 'examples'];
const CHECKED = /\.(ts|tsx|mts|cts|js|mjs|cjs|css)$/;
const SKIPPED = [/(^|\/)node_modules\//, /(^|\/)generated\//, /(^|\/)gql\//, /(^|\/)dist\//, /lock\.json$/];

const files = FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)),
).filter((file) => CHECKED.test(file) && !SKIPPED.some((pattern) => pattern.test(file)));

const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.length > MAX ? [`${file}:${i + 1}: ${line.length} characters`] : [])),
);

if (long.length > 0) {
  console.error(`${long.join('\n')}\n${long.length} lines longer than ${MAX} characters: split them by hand.`);
  process.exit(1);
}
