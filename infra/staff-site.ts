import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';

/** The HTTP API's paths, which CloudFront sends to it, so the workspace (and GraphiQL) call their own origin. */
const API_PATHS = ['/graphql', '/schema.graphql', '/exports/*'];

export interface StaffSiteProps {
  /** The registry's HTTP API: CloudFront sends its paths (API_PATHS) to it. */
  httpApi: HttpApi;
  /** @default RemovalPolicy.RETAIN */
  removalPolicy?: RemovalPolicy;
}

/**
 * The staff workspace in AWS: a private S3 bucket behind CloudFront (origin access control), with `/graphql`,
 * `/schema.graphql` and the downloads (`/exports/*`) routed to the HTTP API on the same domain. `npm run
 * deploy:web` uploads the built site (web/dist), a config.json that makes it sign in with Cognito's hosted UI
 * (authorisation code with PKCE) and, when the stage has introspection on (the stack's GraphiqlUrl output),
 * GraphiQL's page as the object `graphiql`, which takes the signed-in session's token. The development sign-in
 * is never deployed: it is part of the local server, not of the site.
 */
export class StaffSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaffSiteProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
    });
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy,
    });
    const api = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${Stack.of(this).region}.amazonaws.com`);
    const toApi: BehaviorOptions = {
      origin: api,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Teaching School Registry staff workspace',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((path) => [path, toApi])),
      // The workspace routes in the browser: any path that is not a file is the app.
      errorResponses: [
        { httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) },
        { httpStatus: 404, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) },
      ],
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Staff across England and abroad sign in with Cognito; no geographic restriction is wanted',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The site is static; the API paths are authenticated by the JWT authorizer and throttled by the API stage',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default CloudFront certificate allows TLSv1; a custom domain with TLSv1.2_2021 is a deployment choice',
      },
    );
  }
}
