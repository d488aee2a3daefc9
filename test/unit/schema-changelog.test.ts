import { describe, expect, it } from 'vitest';
import { BEGIN, END, reviewChangelog } from '../../scripts/schema-changelog.js';

const RELEASED = `type Query {
  "A school."
  school(urn: String!): School
}
"A school."
type School {
  "Its URN."
  urn: String!
  "Its name."
  name: String!
}`;

function changelog(migration: string): string {
  return (
    `# Schema changelog\n\n## Unreleased\n\n${BEGIN}\n${END}\n\n` +
    `### Migration\n\n${migration}\n\n## 0.1.0\n\nFirst.\n`
  );
}

describe('the schema changelog check', () => {
  it('lists an added field as one safe change', async () => {
    const current = RELEASED.replace('  name: String!\n', '  name: String!\n  "When."\n  updatedAt: String\n');

    const review = await reviewChangelog(RELEASED, current, changelog('None.'));

    expect(review.changelog).toContain(`${BEGIN}\n- SAFE: Field 'updatedAt' was added to object type 'School'\n${END}`);
    expect(review.unexplainedBreaking).toEqual([]);
  });

  it('refuses a removed field until the migration notes name it', async () => {
    const current = RELEASED.replace('  "Its name."\n  name: String!\n', '');

    const unexplained = await reviewChangelog(RELEASED, current, changelog('None.'));
    const explained = await reviewChangelog(
      RELEASED,
      current,
      changelog('- `School.name` was removed: read `School.urn` and look the name up in schools.csv.'),
    );

    expect(unexplained.changelog).toContain("- BREAKING: Field 'name' was removed from object type 'School'");
    expect(unexplained.unexplainedBreaking).toEqual([
      'breaking change without a migration note naming `School.name`: ' +
        "Field 'name' was removed from object type 'School'",
    ]);
    expect(explained.unexplainedBreaking).toEqual([]);
  });
});
