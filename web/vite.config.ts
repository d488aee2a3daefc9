import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { readSchoolPoints } from '../scripts/school-points.js';
import { SHIPPED_DATA } from '../src/entry/shipped-data.js';

const govukAssets = fileURLToPath(new URL('../node_modules/govuk-frontend/dist/govuk/assets', import.meta.url));

/** The staff workspace: a static site (web/dist) that talks only to /graphql on the same origin. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
    // GOV.UK Frontend ships its CSS minified, with old-IE `@media screen\0` hacks that Lightning CSS cannot parse.
    cssMinify: false,
    // GOV.UK Frontend's CSS asks for its fonts and crest at /assets/, where writeBundle copies them: marked external,
    // those URLs stay as they are, without a warning each that they did not resolve at build time.
    rolldownOptions: {
      external: [/^\/assets\//],
      // registry-static-data reads the GIAS file: about a second of JavaScript, by design. On a first `npm start`,
      // with Java starting beside the build, Rolldown warned each time that JavaScript took most of it: nothing to fix.
      checks: { bundlerTimings: false },
    },
  },
  plugins: [
    {
      name: 'registry-static-data',
      apply: 'build',
      async generateBundle() {
        const points = await readSchoolPoints(process.env.SCHOOL_POINTS_SOURCE ?? SHIPPED_DATA.establishments);
        this.emitFile({ type: 'asset', fileName: 'data/school-points.json', source: JSON.stringify(points) });
      },
      writeBundle(options) {
        // GOV.UK Frontend's CSS asks for its fonts and crest at /assets/.
        cpSync(govukAssets, `${options.dir}/assets`, { recursive: true });
      },
    },
  ],
});
