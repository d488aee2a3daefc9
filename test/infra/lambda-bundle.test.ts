import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleLambda } from '../../infra/lambda-bundle.js';

const ENTRY = fileURLToPath(new URL('./split-bundle/entry.ts', import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), 'lambda-bundle-test-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('bundling a Lambda entry point', () => {
  it('puts all a cold start reads in index.mjs, and the lazy part shares its modules with it', async () => {
    // act
    const bundle = bundleLambda(ENTRY, outdir);
    const { handler } = (await import(pathToFileURL(bundle.entry).href)) as {
      handler: () => Promise<{ seenByEntry: number; seenLazily: number }>;
    };
    const answer = await handler();

    // assess
    expect(bundle.atStart.files).toEqual([join(outdir, 'index.mjs')]);
    expect(bundle.lazy.files.length).toBeGreaterThan(0);
    expect(readdirSync(outdir).sort()).toEqual(
      [...bundle.atStart.files, ...bundle.lazy.files].map((file) => file.slice(outdir.length + 1)).sort(),
    );
    expect(answer).toEqual({ seenByEntry: 1, seenLazily: 1 });
  });
});
