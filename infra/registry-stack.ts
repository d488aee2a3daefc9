import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { ApiFunction } from './api-function.js';
import { GraphqlHttpApi } from './graphql-http-api.js';
import { RegistryAlarms } from './registry-alarms.js';
import { RegistryAuth } from './registry-auth.js';
import { RegistryDashboard } from './registry-dashboard.js';
import { RegistryTable } from './registry-table.js';
import { ReachProjector } from './reach-projector.js';
import { RequestAlarms } from './request-alarms.js';
import { StaffSite } from './staff-site.js';
import type { StageConfig } from './stage-config.js';

export interface RegistryStackProps extends StackProps {
  /** The stage's settings, usually from `stageConfigFrom(app.node)`. */
  config: StageConfig;
}

/** The name of the stack for a stage: `TeachingSchoolRegistry-dev` or `TeachingSchoolRegistry-prod`. */
export function registryStackName(config: StageConfig): string {
  return `TeachingSchoolRegistry-${config.stage}`;
}

/**
 * One deployment of the registry: table, GraphQL function, HTTP API, Cognito, the reach projector on the table's
 * stream, alarms and a dashboard.
 */
export class RegistryStack extends Stack {
  readonly table: RegistryTable;
  readonly api: GraphqlHttpApi;
  readonly auth: RegistryAuth;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.table = new RegistryTable(this, 'Table', { removalPolicy: config.removalPolicy });
    const fn = new ApiFunction(this, 'Api', {
      table: this.table,
      logRetention: config.logRetention,
      removalPolicy: config.removalPolicy,
      introspection: config.introspection,
    });
    this.auth = new RegistryAuth(this, 'Auth', { config });
    this.api = new GraphqlHttpApi(this, 'Http', {
      handler: fn.function,
      issuer: this.auth.issuer,
      audience: [
        this.auth.staffClient.userPoolClientId,
        ...[...this.auth.partnerClients.values()].map((client) => client.userPoolClientId),
      ],
      config,
    });
    const alarms = new RegistryAlarms(this, 'Alarms', {
      handler: fn.function,
      httpApi: this.api.httpApi,
      table: this.table,
      alarmEmail: config.alarmEmail,
    });
    new RequestAlarms(this, 'RequestAlarms', { alarms, handler: fn.function });
    new ReachProjector(this, 'ReachProjector', {
      table: this.table,
      alarms,
      logRetention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    const dashboard = new RegistryDashboard(this, 'Dashboard', {
      dashboardName: this.stackName,
      handler: fn.function,
      logGroup: fn.function.logGroup,
      httpApi: this.api.httpApi,
      table: this.table,
      alarms: this.node.findAll().filter((construct) => construct instanceof Alarm),
    });

    const site = new StaffSite(this, 'StaffSite', {
      httpApi: this.api.httpApi,
      removalPolicy: config.removalPolicy,
    });
    if (config.introspection) {
      new CfnOutput(this, 'GraphiqlUrl', {
        value: `${site.url}graphiql`,
        description: 'GraphiQL (introspection is on): npm run deploy:web uploads it to the site',
      });
    }

    new CfnOutput(this, 'StaffWorkspaceUrl', {
      value: site.url,
      description: 'The staff workspace; add <url>auth/callback to -c callbackUrls',
    });
    new CfnOutput(this, 'StaffWorkspaceBucket', {
      value: site.bucket.bucketName,
      description: 'npm run deploy:web uploads the built site here',
    });
    new CfnOutput(this, 'StaffWorkspaceDistributionId', { value: site.distribution.distributionId });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'POST GraphQL requests here with an Authorization: Bearer <token> header',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: this.auth.staffClient.userPoolClientId });
    if (this.auth.partnerClients.size > 0) {
      new CfnOutput(this, 'PartnerClientIds', {
        value: [...this.auth.partnerClients]
          .map(([partner, client]) => `${partner}=${client.userPoolClientId}`)
          .join(','),
        description: 'partner=client id, for each partner; the secrets are in Cognito (describe-user-pool-client)',
      });
    }
    new CfnOutput(this, 'AuthBaseUrl', {
      value: this.auth.domain.baseUrl(),
      description: 'Hosted sign-in and /oauth2/token',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Subscribe on-call here (alarmEmail does it by email)',
    });
    new CfnOutput(this, 'DashboardName', { value: dashboard.dashboard.dashboardName });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'Region', { value: this.region });
  }
}
