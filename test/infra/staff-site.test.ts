import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesizeRegistry } from './registry-app.js';

describe('the staff workspace in AWS', () => {
  it('serves the site from a private bucket through CloudFront and sends /graphql to the HTTP API', () => {
    // act
    const { template } = synthesizeRegistry();

    // assess
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: Record<string, any> };
    };
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const graphql = config.CacheBehaviors.find(
      (behavior: { PathPattern: string }) => behavior.PathPattern === '/graphql',
    );
    expect(graphql.AllowedMethods).toContain('POST');
    expect(JSON.stringify(config.Origins)).toContain('execute-api');
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
