import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** Requests per second the API's default stage accepts before it answers 429. */
export interface ThrottleLimits {
  /** Steady-state requests per second. */
  rateLimit: number;
  /** Short bursts above the steady rate. */
  burstLimit: number;
}

/** Everything that differs between the dev and prod deployments of the registry. */
export interface StageConfig {
  /** dev or prod; names the stack. */
  stage: StageName;
  /** Production keeps data on stack deletion, requires MFA and runs Cognito's Plus plan. */
  production: boolean;
  /** RETAIN in production, DESTROY in dev. */
  removalPolicy: RemovalPolicy;
  /** How long the function's and the API's logs are kept. */
  logRetention: RetentionDays;
  /** Browser origins allowed by CORS; empty means no CORS headers at all. */
  allowedOrigins: string[];
  /** Where Cognito's hosted UI may send staff after sign-in (authorization code grant). */
  callbackUrls: string[];
  /** Where Cognito's hosted UI may send staff after sign-out. */
  logoutUrls: string[];
  /**
   * The Cognito domain prefix (`<prefix>.auth.<region>.amazoncognito.com`); derived from the stage and account when
   * absent.
   */
  authDomainPrefix?: string;
  /** An address subscribed to the alarm topic; none when absent. */
  alarmEmail?: string;
  /** Names of the partners that get a client-credentials app client each (lowercase letters, digits, hyphens). */
  partners: string[];
  /**
   * Let staff sign in with a password sent to Cognito (USER_PASSWORD_AUTH), for `aws cognito-idp initiate-auth` in
   * dev.
   */
  passwordSignIn: boolean;
  /** The API's default stage limits. */
  throttle: ThrottleLimits;
  /** Lifetime of the access and ID tokens Cognito issues. */
  tokenValidity: Duration;
  /** GraphQL introspection on (the Lambda's INTROSPECTION) and GraphiQL at the staff site's /graphiql. */
  introspection: boolean;
}

const LOCAL_APP = 'http://localhost:4000/';
const PARTNER_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * Reads the stage settings from CDK context: `stage` (dev or prod, default dev), `allowedOrigins`,
 * `callbackUrls`, `logoutUrls` and `partners` (comma-separated, or JSON arrays in cdk.json),
 * `authDomainPrefix`, `alarmEmail` and `introspection` (true or false; on in dev, off in prod by default).
 */
export function stageConfigFrom(node: Node): StageConfig {
  const stage = parseStage(node.tryGetContext('stage'));
  const production = stage === 'prod';
  return {
    stage,
    production,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: production ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
    allowedOrigins: stringList(node.tryGetContext('allowedOrigins')) ?? (production ? [] : ['*']),
    callbackUrls: stringList(node.tryGetContext('callbackUrls')) ?? [LOCAL_APP],
    logoutUrls: stringList(node.tryGetContext('logoutUrls')) ?? [LOCAL_APP],
    authDomainPrefix: optionalString(node.tryGetContext('authDomainPrefix')),
    alarmEmail: optionalString(node.tryGetContext('alarmEmail')),
    partners: parsePartners(stringList(node.tryGetContext('partners')) ?? ['example-partner']),
    passwordSignIn: !production,
    throttle: production ? { rateLimit: 100, burstLimit: 200 } : { rateLimit: 20, burstLimit: 40 },
    tokenValidity: Duration.hours(1),
    introspection: parseFlag('introspection', node.tryGetContext('introspection')) ?? !production,
  };
}

function parseStage(value: unknown): StageName {
  const stage = value ?? 'dev';
  if (!STAGES.includes(stage as StageName))
    throw new Error(`context stage must be one of ${STAGES.join(', ')}; got ${String(stage)}`);
  return stage as StageName;
}

function parsePartners(names: string[]): string[] {
  const invalid = names.filter((name) => !PARTNER_NAME.test(name));
  if (invalid.length > 0)
    throw new Error(`context partners must be lowercase letters, digits and hyphens; got ${invalid.join(', ')}`);
  if (new Set(names).size !== names.length)
    throw new Error(`context partners names a partner twice: ${names.join(', ')}`);
  return names;
}

function parseFlag(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context ${name} must be true or false; got ${String(value)}`);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
