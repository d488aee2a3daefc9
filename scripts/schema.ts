/**
 * `npm run schema`: writes the whole schema to schema.graphql (the file partners read) and the list of changes
 * since the last release to docs/schema-changelog.md, each classified by @graphql-inspector/core.
 * `npm run schema -- --check` (CI) changes nothing and fails when either file is stale, or when a breaking change
 * has no migration note (a line under "### Migration" naming its path, such as `School.name`).
 * To release: copy schema.graphql to docs/schema-released.graphql and give "## Unreleased" a version and date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { schemaSdl } from '../src/graphql/schema-sdl.js';
import { reviewChangelog } from './schema-changelog.js';

const SCHEMA_FILE = 'schema.graphql';
const RELEASED_FILE = 'docs/schema-released.graphql';
const CHANGELOG_FILE = 'docs/schema-changelog.md';

const check = process.argv.includes('--check');
const sdl = schemaSdl();
const changelog = readFileSync(CHANGELOG_FILE, 'utf8');
const review = await reviewChangelog(readFileSync(RELEASED_FILE, 'utf8'), sdl, changelog);
const summary = `${review.changes.length} changes since the last release`;
if (!check) {
  writeFileSync(SCHEMA_FILE, sdl);
  writeFileSync(CHANGELOG_FILE, review.changelog);
  console.log(`Wrote ${SCHEMA_FILE} and ${CHANGELOG_FILE} (${summary})`);
  for (const fault of review.unexplainedBreaking) console.error(fault);
} else {
  const faults = [...review.unexplainedBreaking];
  if (readFileSync(SCHEMA_FILE, 'utf8') !== sdl) faults.unshift(`${SCHEMA_FILE} is stale`);
  if (review.changelog !== changelog) faults.unshift(`${CHANGELOG_FILE} does not list the schema's changes`);
  for (const fault of faults) console.error(fault);
  if (faults.length > 0) {
    console.error("Run 'npm run schema', write a migration note for each breaking change, and commit the result.");
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} and ${CHANGELOG_FILE} are up to date (${summary})`);
}
