/**
 * `npm run schema`: writes the whole schema to schema.graphql (the file partners read) and the list of changes
 * since the last release to docs/schema-changelog.md, each classified by @graphql-inspector/core.
 * `npm run schema -- --check` (CI) changes nothing and fails when either file is stale, or when a breaking change
 * has no migration note (a line under "### Migration" naming its path, such as `School.name`).
 * To release: copy schema.graphql to docs/schema-released.graphql and give "## Unreleased" a version and date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { schemaSdl } from '../src/graphql/schema-sdl.js';

const SCHEMA_FILE = 'schema.graphql';
const RELEASED_FILE = 'docs/schema-released.graphql';
const CHANGELOG_FILE = 'docs/schema-changelog.md';
const BEGIN = '<!-- changes: written by `npm run schema` (@graphql-inspector/core); do not edit -->';
const END = '<!-- end of changes -->';

const LABELS: Record<CriticalityLevel, string> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const sdl = schemaSdl();
  const changes = worthListing(await diff(buildSchema(readFileSync(RELEASED_FILE, 'utf8')), buildSchema(sdl)));
  const changelog = readFileSync(CHANGELOG_FILE, 'utf8');
  const listed = withChanges(changelog, changes);
  const faults: string[] = [];
  if (readFileSync(SCHEMA_FILE, 'utf8') !== sdl) faults.push(`${SCHEMA_FILE} is stale`);
  if (listed !== changelog) faults.push(`${CHANGELOG_FILE} does not list the schema's changes`);
  for (const change of changes.filter((each) => each.criticality.level === CriticalityLevel.Breaking)) {
    if (!migrationOf(listed).includes(`\`${change.path}\``)) {
      faults.push(`breaking change without a migration note naming \`${change.path}\`: ${change.message}`);
    }
  }
  if (!check) {
    writeFileSync(SCHEMA_FILE, sdl);
    writeFileSync(CHANGELOG_FILE, listed);
    const breaking = faults.filter((fault) => fault.startsWith('breaking'));
    console.log(`Wrote ${SCHEMA_FILE} and ${CHANGELOG_FILE} (${changes.length} changes since the last release)`);
    for (const fault of breaking) console.error(fault);
    return;
  }
  if (faults.length > 0) {
    for (const fault of faults) console.error(fault);
    console.error("Run 'npm run schema', write a migration note for each breaking change, and commit the result.");
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} and ${CHANGELOG_FILE} are up to date (${changes.length} changes since the last release)`);
}

/**
 * The changes a reader needs: a new type or field is one entry (not one per field, argument and description), and a
 * description
 * added where there was none is left out. Every change that can affect a client stays.
 */
function worthListing(changes: readonly Change[]): Change[] {
  const added = new Set(
    changes
      .filter((change) => change.type === 'TYPE_ADDED' || change.type === 'FIELD_ADDED')
      .map((change) => change.path),
  );
  const insideAdded = (path: string) => {
    const parts = path.split('.');
    return parts.some((_, end) => end > 0 && added.has(parts.slice(0, end).join('.')));
  };
  return changes.filter((change) => !change.type.endsWith('DESCRIPTION_ADDED') && !insideAdded(change.path ?? ''));
}

/** The changelog with its generated list replaced by these changes, breaking first. */
function withChanges(changelog: string, changes: readonly Change[]): string {
  const start = changelog.indexOf(BEGIN);
  const end = changelog.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${CHANGELOG_FILE} lacks the markers ${BEGIN} and ${END}`);
  const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  const lines = [...changes]
    .sort((a, b) => order.indexOf(a.criticality.level) - order.indexOf(b.criticality.level))
    .map((change) => `- ${LABELS[change.criticality.level]}: ${change.message}`);
  const list = lines.length > 0 ? lines.join('\n') : '- No changes since the last release.';
  return `${changelog.slice(0, start)}${BEGIN}\n${list}\n${changelog.slice(end)}`;
}

/** The Unreleased section's migration notes. */
function migrationOf(changelog: string): string {
  const unreleased = changelog.slice(
    changelog.indexOf('## Unreleased'),
    changelog.indexOf('\n## ', changelog.indexOf('## Unreleased') + 1),
  );
  const start = unreleased.indexOf('### Migration');
  return start < 0 ? '' : unreleased.slice(start);
}

await main();
