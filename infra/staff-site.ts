import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { ensureWebBuild, WEB_DIST } from '../src/entry/web-assets.js';

/** The wildcard grants aws-cdk-lib gives BucketDeployment's provider: read the asset, replace the site's objects. */
const BUCKET_DEPLOYMENT_WILDCARDS = [
  'Action::s3:Abort*',
  'Action::s3:DeleteObject*',
  'Action::s3:GetBucket*',
  'Action::s3:GetObject*',
  'Action::s3:List*',
  'Resource::*',
  'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
];

export interface StaffSiteProps {
  /** The registry's HTTP API: CloudFront sends /graphql to it, so the workspace calls its own origin. */
  httpApi: HttpApi;
  /** Cognito's hosted sign-in (the user pool's issuer URL) and the staff app client, for the workspace's config.json. */
  authority: string;
  clientId: string;
  /** @default RemovalPolicy.RETAIN */
  removalPolicy?: RemovalPolicy;
}

/**
 * The staff workspace in AWS: the built site (web/dist) in a private S3 bucket behind CloudFront (origin access
 * control), `/graphql` routed to the HTTP API on the same domain, and a config.json that makes the site sign in
 * with Cognito's hosted UI (authorisation code with PKCE). The development sign-in is never deployed: it is part
 * of the local server, not of the site.
 */
export class StaffSite extends Construct {
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaffSiteProps) {
    super(scope, id);
    ensureWebBuild();
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
    });
    const bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy,
    });
    const api = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${Stack.of(this).region}.amazonaws.com`);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Teaching School Registry staff workspace',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: {
        '/graphql': {
          origin: api,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
        },
      },
      // The workspace routes in the browser: any path that is not a file is the app.
      errorResponses: [
        { httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) },
        { httpStatus: 404, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) },
      ],
    });
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      sources: [Source.asset(WEB_DIST), Source.jsonData('config.json', { auth: 'cognito', authority: props.authority, clientId: props.clientId })],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Staff across England and abroad sign in with Cognito; no geographic restriction is wanted' },
      { id: 'AwsSolutions-CFR2', reason: 'The site is static; /graphql is authenticated by the JWT authorizer and throttled by the HTTP API stage' },
      { id: 'AwsSolutions-CFR4', reason: 'The default CloudFront certificate allows TLSv1; a custom domain with TLSv1.2_2021 is a deployment choice' },
    );
    const siteObjects = `Resource::<${Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*`;
    // BucketDeployment's provider function is a stack-level singleton that aws-cdk-lib defines.
    for (const provider of Stack.of(this).node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      Validations.of(provider).acknowledge(
        { id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: "BucketDeployment's provider Lambda uses the AWS managed basic execution role" },
        ...[...BUCKET_DEPLOYMENT_WILDCARDS, siteObjects].map((finding) => ({
          id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
          reason: 'BucketDeployment reads the site asset and replaces every object in the site bucket (aws-cdk-lib grants)',
        })),
        { id: 'AwsSolutions-L1', reason: 'The BucketDeployment provider runtime is chosen by aws-cdk-lib' },
      );
    }
  }
}
