import { describe, expect, it } from 'vitest';
import { INDEXES } from '../../src/store/table-definition.js';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

function statementsOf(policies: { PolicyDocument: { Statement: Statement[] } }[]): Statement[] {
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('the GraphQL function', () => {
  it('runs on arm64 with Node.js 22 or newer, 1024 MB and a 10 s timeout', () => {
    // act
    const fn = onlyResource(synthesizeRegistry().template, 'AWS::Lambda::Function', 'Api').Properties;

    // assess
    const [, major] = /^nodejs(\d+)\.x$/.exec(fn.Runtime) ?? [];
    expect(Number(major)).toBeGreaterThanOrEqual(22);
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Timeout).toBe(10);
  });

  it('runs in production mode, with source maps, the table name, INFO logging, sampled DEBUG logs and X-Ray', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const table = onlyResource(template, 'AWS::DynamoDB::Table');

    // act
    const environment = onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties.Environment.Variables;

    // assess
    expect(environment).toEqual({
      NODE_ENV: 'production',
      TABLE_NAME: { Ref: table.logicalId },
      POWERTOOLS_SERVICE_NAME: 'teaching-school-registry',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01',
      POWERTOOLS_METRICS_NAMESPACE: 'TeachingSchoolRegistry',
      LOG_LEVEL: 'INFO',
      INTROSPECTION: 'true',
    });
    expect(onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('has a role of its own with inline policies only, no managed policies', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const fn = onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties;

    // act
    const role = onlyResource(template, 'AWS::IAM::Role', 'Api');

    // assess
    expect(fn.Role).toEqual({ 'Fn::GetAtt': [role.logicalId, 'Arn'] });
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(template.findResources('AWS::IAM::Policy')).toEqual({});
    expect(template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
  });

  it('may use DynamoDB only on the registry table and its indexes, action by action', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const tableArn = { 'Fn::GetAtt': [onlyResource(template, 'AWS::DynamoDB::Table').logicalId, 'Arn'] };
    const indexArns = Object.values(INDEXES).map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.name}`]] }));

    // act
    const statements = statementsOf(onlyResource(template, 'AWS::IAM::Role', 'Api').Properties.Policies).filter(
      (statement) => asList(statement.Action).some((action) => action.startsWith('dynamodb:')),
    );

    // assess
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      for (const action of asList(statement.Action)) expect(action).toMatch(/^dynamodb:[A-Za-z]+$/);
      for (const resource of asList(statement.Resource)) expect([tableArn, ...indexArns]).toContainEqual(resource);
    }
    const indexStatement = statements.find((statement) => JSON.stringify(statement.Resource).includes('/index/'));
    expect(asList(indexStatement!.Action)).toEqual(['dynamodb:Query']);
    const tableStatement = statements.find((statement) => !JSON.stringify(statement.Resource).includes('/index/'));
    expect(asList(tableStatement!.Action).sort()).toEqual(
      ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'].map(
        (action) => `dynamodb:${action}`,
      ),
    );
  });

  it.each([
    { stage: 'dev', days: 14 },
    { stage: 'prod', days: 90 },
  ])('in $stage, may write logs only to its own log group, kept $days days', ({ stage, days }) => {
    // prepare
    const { template } = synthesizeRegistry({ stage });
    const logGroupId: string = onlyResource(template, 'AWS::Lambda::Function', 'Api').Properties.LoggingConfig.LogGroup
      .Ref;

    // act
    const statements = statementsOf(onlyResource(template, 'AWS::IAM::Role', 'Api').Properties.Policies).filter(
      (statement) => asList(statement.Action).some((action) => action.startsWith('logs:')),
    );

    // assess
    expect(statements).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
      },
    ]);
    expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(days);
  });
});
