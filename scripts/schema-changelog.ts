import { createRequire } from 'node:module';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';

// The graphql build @graphql-inspector/core itself loads (CommonJS), so its schemas and ours are one realm
// under vitest too (which would otherwise hand this module graphql's ESM build).
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** The markers around the list of changes `npm run schema` writes into docs/schema-changelog.md. */
export const BEGIN = '<!-- changes: written by `npm run schema` (@graphql-inspector/core); do not edit -->';
export const END = '<!-- end of changes -->';

const LABELS: Record<CriticalityLevel, string> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

/** What comparing a schema with the released one gives: the changelog as it should read, and what is wrong. */
export interface ChangelogReview {
  changes: Change[];
  /** The changelog with its list of changes brought up to date. */
  changelog: string;
  /** One line per breaking change whose path the "### Migration" notes of "## Unreleased" do not name. */
  unexplainedBreaking: string[];
}

/** Compares the schema with the released one and brings the changelog's list of changes up to date. */
export async function reviewChangelog(released: string, current: string, changelog: string): Promise<ChangelogReview> {
  const changes = worthListing(await diff(buildSchema(released), buildSchema(current)));
  const listed = withChanges(changelog, changes);
  const notes = migrationNotes(listed);
  const unexplainedBreaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking && !notes.includes(`\`${change.path}\``))
    .map((change) => `breaking change without a migration note naming \`${change.path}\`: ${change.message}`);
  return { changes, changelog: listed, unexplainedBreaking };
}

/**
 * The changes a reader needs: a new type or field is one entry (not one per field, argument and description), and
 * a description added where there was none is left out. Every change that can affect a client stays.
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
  if (start < 0 || end < start) throw new Error(`The changelog lacks the markers ${BEGIN} and ${END}`);
  const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  const lines = [...changes]
    .sort((a, b) => order.indexOf(a.criticality.level) - order.indexOf(b.criticality.level))
    .map((change) => `- ${LABELS[change.criticality.level]}: ${change.message}`);
  const list = lines.length > 0 ? lines.join('\n') : '- No changes since the last release.';
  return `${changelog.slice(0, start)}${BEGIN}\n${list}\n${changelog.slice(end)}`;
}

/** The "### Migration" notes of the "## Unreleased" section. */
function migrationNotes(changelog: string): string {
  const start = changelog.indexOf('## Unreleased');
  if (start < 0) return '';
  const next = changelog.indexOf('\n## ', start + 1);
  const unreleased = changelog.slice(start, next < 0 ? undefined : next);
  const notes = unreleased.indexOf('### Migration');
  return notes < 0 ? '' : unreleased.slice(notes);
}
