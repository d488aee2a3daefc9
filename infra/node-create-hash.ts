/**
 * Stands in for `@apollo/utils.createhash` in the Lambda bundle (infra/lambda-bundle.ts). That package uses Node's
 * crypto only when it can `module.require` it, which a CommonJS module inside an ES module bundle cannot, so it
 * fell back to sha.js: about 35 KiB read at every cold start, and a hash in JavaScript of every query Apollo Server
 * caches. This is Node's own.
 */
export { createHash } from 'node:crypto';
