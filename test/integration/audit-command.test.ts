import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const run = promisify(execFile);

describe('npm run coverage:audit', () => {
  it("reports a table's drift without the AWS SDK's warning about Node 20", async () => {
    // Prepare: a table holding three schools, two of them teaching schools, and no variable silencing the SDK.
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '910001' }, { urn: '910002', teaching: false }, { urn: '910003' }]);
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined };
    const audit = ['--import', 'tsx', 'src/entry/coverage-audit.ts', '--endpoint', inject('dynamoEndpoint')];

    // Act
    const { stdout, stderr } = await run(process.execPath, [...audit, '--table', store.tableName], { env });

    // Assess
    expect(stdout).toContain('read 3 schools and 0 alliances; 0 local authorities drifted');
    expect(stderr).not.toContain('NodeVersionSupportWarning');
  });
});
