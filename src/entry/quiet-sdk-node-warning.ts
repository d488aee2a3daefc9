/**
 * Imported by the commands run here, before they make an SDK client (`npm start`, the audits through
 * audit-command.ts, the import, the seed, the build, the bench and the tests' config). On Node 20 the AWS SDK warns,
 * once per process, that its releases from 2027 need Node 22. Lambda runs Node 24, and package-lock.json pins
 * releases that run on 20, so here the warning only clutters the output. The SDK reads the variable when it makes
 * its first client; a value already set is kept.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};
