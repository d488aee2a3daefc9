import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importEstablishments } from '../../src/import/importer.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import {
  runAsset,
  synthesizeLambdaAsset,
  type AssetRun,
  type Invocation,
  type LambdaAsset,
} from '../support/lambda-asset.js';
import { emptyStore } from '../support/store.js';

// The artifact `cdk deploy` uploads, run as Lambda runs it, with the events API Gateway's JWT authorizer sends.

const ISSUER = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Registry';
const STAFF_CLIENT = 'staffclient0000000000000000';
const PARTNER_CLIENT = 'partnerclient00000000000000';
const STAFF_EMAIL = 'ops-test.staff@education.gov.uk';
const QUERY = '{ school(urn: "900001") { name } }';
const DESIGNATE =
  'mutation Designate($urn: String!) { designateTeachingSchool(input: { urn: $urn }) ' +
  '{ school { designation { status } } userErrors { code } } }';

/** Claims of a Cognito ID token (hosted sign-in) as API Gateway passes them: all strings, lists as "[a b]". */
function idTokenClaims(group: string, regions?: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: randomUUID(),
    iss: ISSUER,
    aud: STAFF_CLIENT,
    token_use: 'id',
    'cognito:groups': `[${group}]`,
    'cognito:username': randomUUID(),
    email: STAFF_EMAIL,
    email_verified: 'true',
    auth_time: String(now),
    iat: String(now),
    exp: String(now + 3600),
    ...(regions ? { 'custom:regions': regions } : {}),
  };
}

/** Claims of a Cognito access token from the client-credentials grant (a partner's machine client). */
function accessTokenClaims(): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: PARTNER_CLIENT,
    iss: ISSUER,
    client_id: PARTNER_CLIENT,
    token_use: 'access',
    scope: 'registry/read',
    version: '2',
    jti: randomUUID(),
    auth_time: String(now),
    iat: String(now),
    exp: String(now + 3600),
  };
}

const CALLERS = {
  'dfe-staff': () => idTokenClaims('dfe-staff'),
  'tsc-staff': () => idTokenClaims('tsc-staff', 'London'),
  partner: accessTokenClaims,
} as const;
type Role = keyof typeof CALLERS;

/** An API Gateway HTTP API (v2) event for POST /graphql after the JWT authorizer accepted the token. */
function invocation(role: Role, query: string, variables?: Record<string, unknown>): Invocation {
  const now = new Date();
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer eyJraWQiOiJ0ZXN0In0.e30.c2ln',
      host: 'api.example.gov.uk',
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'registry',
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: CALLERS[role](), scopes: null as unknown as string[] },
      },
      domainName: 'api.example.gov.uk',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: 'POST /graphql',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify({ query, variables }),
    isBase64Encoded: false,
  };
  return { requestId: randomUUID(), event };
}

const answer = (run: AssetRun, index: number) => ({
  status: run.results[index]!.statusCode,
  ...JSON.parse(run.results[index]!.body!),
});
const logsOf = (run: AssetRun, requestId: string) =>
  run.lines.filter(
    (line): line is Record<string, any> => typeof line === 'object' && line.function_request_id === requestId,
  );

let asset: LambdaAsset;
let store: Store;
const invocations = {
  queries: (['dfe-staff', 'tsc-staff', 'partner'] as const).map((role) => invocation(role, QUERY)),
  partnerDesignates: invocation('partner', DESIGNATE, { urn: '900001' }),
  dfeDesignates: invocation('dfe-staff', DESIGNATE, { urn: '900001' }),
  tscDesignates: invocation('tsc-staff', DESIGNATE, { urn: '900002' }),
  fault: invocation('dfe-staff', QUERY),
};
let run: AssetRun;
let faultRun: AssetRun;

beforeAll(async () => {
  // prepare
  asset = synthesizeLambdaAsset();
  ({ store } = await emptyStore());
  await importEstablishments(
    store,
    writeCsv(GIAS_HEADER, [giasRow({ URN: '900001' }), giasRow({ URN: '900002', EstablishmentName: 'Second School' })]),
  );

  // act: one cold process over the table, and one whose table does not exist (a real fault, not a mock)
  const { queries, partnerDesignates, dfeDesignates, tscDesignates, fault } = invocations;
  const endpoint = inject('dynamoEndpoint');
  [run, faultRun] = await Promise.all([
    runAsset(asset, {
      tableName: store.tableName,
      endpoint,
      invocations: [...queries, partnerDesignates, dfeDesignates, tscDesignates],
    }),
    runAsset(asset, { tableName: `missing-${randomUUID()}`, endpoint, invocations: [fault] }),
  ]);
}, 180_000);

afterAll(() => asset?.remove());

describe('the Lambda asset cdk deploy uploads, in a fresh Node process', () => {
  it.each([0, 1, 2])(
    'answers a query for each role (dfe-staff, tsc-staff ID tokens, a partner access token) [%i]',
    (index) => {
      const { status, data, extensions } = answer(run, index);
      expect({ status, data }).toEqual({ status: 200, data: { school: { name: 'Test Primary School' } } });
      expect(extensions.cost.dynamoDbRequests).toBeGreaterThan(0);
    },
  );

  it("refuses a partner's mutation, and writes nothing for it", () => {
    expect(answer(run, 3).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer(run, 3).data?.designateTeachingSchool ?? null).toBeNull();
  });

  it('writes a dfe-staff and an in-region tsc-staff mutation', async () => {
    const schools = await getSchoolsByUrn(store, ['900001', '900002']);

    expect(answer(run, 4).data).toEqual({
      designateTeachingSchool: { school: { designation: { status: 'DESIGNATED' } }, userErrors: [] },
    });
    expect(answer(run, 5).data).toEqual({
      designateTeachingSchool: { school: { designation: { status: 'DESIGNATED' } }, userErrors: [] },
    });
    expect(schools.map((school) => school?.designation?.status)).toEqual(['DESIGNATED', 'DESIGNATED']);
  });

  it('masks a fault for the caller and logs it once, as JSON, with the request id the caller got and the stack', () => {
    const { requestId } = invocations.fault;
    const response = answer(faultRun, 0);
    const errors = logsOf(faultRun, requestId).filter((line) => line.level === 'ERROR');

    expect(response.errors).toEqual([
      { message: 'Internal server error', path: ['school'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId, operation: 'school', error: { name: 'ResourceNotFoundException' } });
    expect(errors[0]!.error.stack).toMatch(/ResourceNotFoundException[\s\S]*\n\s+at /);
  });

  it('logs each request once: role, operation, DynamoDB requests, duration, outcome; never the token or e-mail', () => {
    const all = [
      ...invocations.queries,
      invocations.partnerDesignates,
      invocations.dfeDesignates,
      invocations.tscDesignates,
    ];
    const requestLines = all.map(({ requestId }) =>
      logsOf(run, requestId).filter((line) => line.message === 'request'),
    );

    expect(requestLines.map((lines) => lines.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(requestLines.map(([line]) => [line!.role, line!.operation, line!.outcome])).toEqual([
      ['dfe-staff', 'school', 'ok'],
      ['tsc-staff', 'school', 'ok'],
      ['partner', 'school', 'ok'],
      ['partner', 'designateTeachingSchool', 'error'],
      ['dfe-staff', 'designateTeachingSchool', 'ok'],
      ['tsc-staff', 'designateTeachingSchool', 'ok'],
    ]);
    for (const [line] of requestLines)
      expect(line).toMatchObject({
        level: 'INFO',
        service: 'teaching-school-registry',
        durationMs: expect.any(Number),
      });
    expect(requestLines[0]![0]!.dynamodb).toMatchObject({ requests: 1 });
    expect(requestLines[0]![0]!.dynamodb.consumedRead).toBeGreaterThan(0);
    expect(requestLines[4]![0]!.dynamodb.consumedWrite).toBeGreaterThan(0);
    expect(requestLines[3]![0]!.errorCodes).toEqual(['FORBIDDEN']);
    expect(requestLines[4]![0]!.operationName).toBe('Designate');
    const output = JSON.stringify(run.lines) + JSON.stringify(faultRun.lines);
    expect(output).not.toContain(STAFF_EMAIL);
    expect(output).not.toContain('eyJraWQiOiJ0ZXN0In0');
  });

  it('publishes metrics in embedded metric format: requests, errors by code, DynamoDB requests, one cold start', () => {
    const metrics = run.lines.filter((line): line is Record<string, any> => typeof line === 'object' && line._aws);
    const names = (line: Record<string, any>) =>
      line._aws.CloudWatchMetrics[0].Metrics.map((metric: { Name: string }) => metric.Name);

    expect(metrics.filter((line) => names(line).includes('ColdStart'))).toHaveLength(1);
    expect(metrics.filter((line) => names(line).includes('DynamoDBRequests'))).toHaveLength(6);
    expect(metrics.find((line) => line.ErrorCode === 'FORBIDDEN')).toMatchObject({ Errors: 1 });
    expect(metrics.find((line) => line.Operation === 'designateTeachingSchool' && line.Errors)).toMatchObject({
      Errors: 1,
    });
    expect(metrics.every((line) => line._aws.CloudWatchMetrics[0].Namespace === 'TeachingSchoolRegistry')).toBe(true);
  });
});
