import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_POLICY } from '../src/entry/cors.js';
import type { StageConfig } from './stage-config.js';

const GRAPHQL_PATH = '/graphql';

/** One JSON object per request in the access log. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
  clientId: '$context.authorizer.claims.client_id',
};

export interface GraphqlHttpApiProps {
  /** The function that answers every GraphQL request. */
  handler: IFunction;
  /** The token issuer the JWT authorizer trusts (the Cognito user pool). */
  issuer: string;
  /** App client ids whose tokens are accepted (`aud` of ID tokens, `client_id` of access tokens). */
  audience: string[];
  /** CORS origins, throttling, log retention and removal policy. */
  config: StageConfig;
}

/**
 * The public endpoint: an API Gateway HTTP API whose `/graphql` routes all require a Cognito JWT,
 * with stage-wide throttling and JSON access logs.
 */
export class GraphqlHttpApi extends Construct {
  readonly httpApi: HttpApi;
  /** `https://…/graphql` */
  readonly url: string;

  constructor(scope: Construct, id: string, props: GraphqlHttpApiProps) {
    super(scope, id);
    const { config } = props;
    const authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', props.issuer, {
      authorizerName: 'cognito',
      jwtAudience: props.audience,
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `teaching-school-registry-${config.stage}`,
      description: `Teaching School Registry GraphQL API (${config.stage})`,
      createDefaultStage: false,
      // Every route, this one and any added later, requires a token unless it opts out explicitly.
      defaultAuthorizer: authorizer,
      corsPreflight:
        config.allowedOrigins.length > 0
          ? {
              allowOrigins: config.allowedOrigins,
              allowMethods: CORS_POLICY.allowMethods.map((method) => CorsHttpMethod[method]),
              allowHeaders: [...CORS_POLICY.allowHeaders],
              maxAge: Duration.seconds(CORS_POLICY.maxAgeSeconds),
            }
          : undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    const integration = new HttpLambdaIntegration('GraphqlHandler', props.handler);
    this.httpApi.addRoutes({ path: GRAPHQL_PATH, methods: [HttpMethod.POST, HttpMethod.GET], integration });
    // The downloads and the schema: the same Lambda, behind the same authorizer (src/entry/http-routes.ts).
    this.httpApi.addRoutes({ path: '/schema.graphql', methods: [HttpMethod.GET], integration });
    this.httpApi.addRoutes({ path: '/exports/{file}', methods: [HttpMethod.GET], integration });
    this.url = `${stage.url}${GRAPHQL_PATH.slice(1)}`;
  }
}
