import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

/** Starts a process that holds a DynamoDB Local, and answers it with the Java pid. */
async function holder() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-dynamodb.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, javaPid: JSON.parse(line).pid as number };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

describe('DynamoDB Local', () => {
  it('stops with the process that started it when that process exits', async () => {
    const { child, javaPid } = await holder();
    expect(alive(javaPid)).toBe(true);

    child.stdin!.write('exit\n');

    expect(await gone(javaPid, 5000)).toBe(true);
  });

  it('is not orphaned when the process that started it is killed outright', async () => {
    const { child, javaPid } = await holder();

    child.kill('SIGKILL');

    expect(await gone(javaPid, 5000)).toBe(true);
  });
});
