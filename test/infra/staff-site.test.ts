import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

describe('the staff workspace in AWS', () => {
  it("serves the site from a private bucket through CloudFront and sends the API's paths to the HTTP API", () => {
    // act
    const { template } = synthesizeRegistry();

    // assess
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: Record<string, any> };
    };
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const behaviors = config.CacheBehaviors as {
      PathPattern: string;
      TargetOriginId: string;
      AllowedMethods: string[];
    }[];
    const api = config.Origins.find((origin: { DomainName: unknown }) =>
      JSON.stringify(origin.DomainName).includes('execute-api'),
    );
    expect(behaviors.map((behavior) => behavior.PathPattern).sort()).toEqual([
      '/exports/*',
      '/graphql',
      '/schema.graphql',
    ]);
    expect(behaviors.every((behavior) => behavior.TargetOriginId === api.Id)).toBe(true);
    expect(behaviors.find((behavior) => behavior.PathPattern === '/graphql')?.AllowedMethods).toContain('POST');
    expect(config.Origins.some((origin: { OriginAccessControlId?: unknown }) => origin.OriginAccessControlId)).toBe(
      true,
    );
    expect(config.CustomErrorResponses.map((response: { ErrorCode: number }) => response.ErrorCode).sort()).toEqual([
      403, 404,
    ]);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.anyValue(),
    });
  });
});

describe('GraphiQL in AWS', () => {
  it('is on in dev: the handler allows introspection and the stack names the site page to upload', () => {
    // act
    const { template } = synthesizeRegistry();

    // assess
    const environment = onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties.Environment.Variables;
    expect(environment.INTROSPECTION).toBe('true');
    const output = template.findOutputs('GraphiqlUrl');
    expect(JSON.stringify(Object.values(output)[0]?.Value)).toContain('graphiql');
  });

  it('is off in prod unless introspection is asked for: no introspection, no page', () => {
    // act
    const prod = synthesizeRegistry({ stage: 'prod' }).template;
    const asked = synthesizeRegistry({ stage: 'prod', introspection: 'true' }).template;

    // assess
    const introspection = (template: typeof prod) =>
      onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties.Environment.Variables.INTROSPECTION;
    expect(introspection(prod)).toBe('false');
    expect(prod.findOutputs('GraphiqlUrl')).toEqual({});
    expect(introspection(asked)).toBe('true');
    expect(Object.keys(asked.findOutputs('GraphiqlUrl'))).toHaveLength(1);
  });
});
