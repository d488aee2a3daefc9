import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgementsIn(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

const SITE_ACKNOWLEDGEMENTS = (stage: string) =>
  ['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4'].map(
    (id) => `TeachingSchoolRegistry-${stage}/StaffSite ${id}`,
  );

describe('synthesis with cdk-nag', () => {
  it.each(['dev', 'prod'])(
    'lets the %s stack synthesize as `cdk synth` does, CloudFormation validation included',
    (stage) => {
      // act
      const synthesize = () => synthesizeRegistry({ stage }, { cloudFormationValidation: true });

      // assess
      expect(synthesize).not.toThrow();
    },
    // It bundles both functions with esbuild, as `cdk synth` does.
    120_000,
  );

  it.each(['dev', 'prod'])('finds nothing unacknowledged in the %s stack', (stage) => {
    // prepare
    const { app } = synthesizeRegistry({ stage });

    // act
    const report = new AwsSolutionsChecks().validateScope(app);

    // assess
    const findings = report.violations.map(
      ({ ruleName, violatingResources }) =>
        `${ruleName} at ${violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it("in prod, acknowledges only X-Ray's wildcard, the staff site's CloudFront and the dead-letter queue", () => {
    // prepare
    const { app, template } = synthesizeRegistry({ stage: 'prod' });

    // act
    const acknowledgements = acknowledgementsIn(app);

    // assess
    expect(acknowledgements.map(({ path, id }) => `${path} ${id}`).sort()).toEqual(
      [
        'TeachingSchoolRegistry-prod/Api/Role AwsSolutions-IAM5[Resource::*]',
        'TeachingSchoolRegistry-prod/ReachProjector/DeadLetters AwsSolutions-SQS3',
        ...SITE_ACKNOWLEDGEMENTS('prod'),
      ].sort(),
    );
    for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(40);
    const role = onlyResource(template, 'AWS::IAM::Role', 'Api').Properties;
    const statements = role.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
    expect(statements.filter((statement: any) => statement.Resource === '*')).toEqual([
      { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
    ]);
  });

  it("in dev, acknowledges besides those only the user pool's optional MFA and Essentials plan, with reasons", () => {
    // act
    const acknowledgements = acknowledgementsIn(synthesizeRegistry({ stage: 'dev' }).app);

    // assess
    expect(acknowledgements.map(({ path, id }) => `${path} ${id}`).sort()).toEqual(
      [
        'TeachingSchoolRegistry-dev/Api/Role AwsSolutions-IAM5[Resource::*]',
        'TeachingSchoolRegistry-dev/Auth/UserPool AwsSolutions-COG2',
        'TeachingSchoolRegistry-dev/Auth/UserPool AwsSolutions-COG8',
        'TeachingSchoolRegistry-dev/ReachProjector/DeadLetters AwsSolutions-SQS3',
        ...SITE_ACKNOWLEDGEMENTS('dev'),
      ].sort(),
    );
    const userPool = acknowledgements.filter(({ id }) => id.startsWith('AwsSolutions-COG'));
    for (const { reason } of userPool) expect(reason).toMatch(/^dev only: .{40,}/);
  });
});
