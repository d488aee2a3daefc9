import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

describe('the GraphQL HTTP API', () => {
  it('serves POST and GET /graphql, the schema and the downloads, all from the one function', () => {
    // act
    const { template } = synthesizeRegistry();
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));

    // assess
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'GET /exports/{file}',
      'GET /graphql',
      'GET /schema.graphql',
      'POST /graphql',
    ]);
    expect(new Set(routes.map((route) => JSON.stringify(route.Properties.Target))).size).toBe(1);
  });

  it('requires a JWT from the Cognito authorizer on every route', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const authorizer = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');

    // act
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));

    // assess
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.Properties.AuthorizationType).toBe('JWT');
      expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizer.logicalId });
    }
  });

  it('trusts tokens the user pool issues to the staff and partner clients', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const pool = onlyResource(template, 'AWS::Cognito::UserPool').logicalId;
    const clients = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'));

    // act
    const authorizer = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer').Properties;

    // assess
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(authorizer.JwtConfiguration.Issuer).toEqual({
      'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }]],
    });
    expect(authorizer.JwtConfiguration.Audience).toEqual(
      expect.arrayContaining(clients.map((client) => ({ Ref: client }))),
    );
    expect(clients).toHaveLength(2);
  });

  it('throttles the default stage and logs every request as JSON', () => {
    // act
    const stage = onlyResource(synthesizeRegistry({ stage: 'prod' }).template, 'AWS::ApiGatewayV2::Stage').Properties;

    // assess
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][1]).toBe('Arn');
  });

  it('allows browsers on the configured origins to POST with a bearer token', () => {
    // act
    const api = onlyResource(
      synthesizeRegistry({ stage: 'prod', allowedOrigins: 'https://registry.example.gov.uk' }).template,
      'AWS::ApiGatewayV2::Api',
    );

    // assess
    expect(api.Properties.CorsConfiguration).toMatchObject({
      AllowOrigins: ['https://registry.example.gov.uk'],
      AllowHeaders: ['authorization', 'content-type'],
      AllowMethods: expect.arrayContaining(['POST']),
    });
  });

  it('in prod, sends no CORS headers unless origins are configured; dev allows any origin', () => {
    // act
    const prod = onlyResource(synthesizeRegistry({ stage: 'prod' }).template, 'AWS::ApiGatewayV2::Api').Properties;
    const dev = onlyResource(synthesizeRegistry({ stage: 'dev' }).template, 'AWS::ApiGatewayV2::Api').Properties;

    // assess
    expect(prod.CorsConfiguration).toBeUndefined();
    expect(dev.CorsConfiguration.AllowOrigins).toEqual(['*']);
  });
});
