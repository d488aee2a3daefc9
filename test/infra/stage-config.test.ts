import { RemovalPolicy } from 'aws-cdk-lib';
import { RootConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { registryStackName } from '../../infra/registry-stack.js';
import { stageConfigFrom } from '../../infra/stage-config.js';

function configFor(context: Record<string, unknown>) {
  const root = new RootConstruct();
  for (const [key, value] of Object.entries(context)) root.node.setContext(key, value);
  return stageConfigFrom(root.node);
}

describe('the stage settings', () => {
  it('default to dev, which may be deleted and accepts any browser origin', () => {
    // act
    const config = configFor({});

    // assess
    expect(config).toMatchObject({
      stage: 'dev',
      production: false,
      removalPolicy: RemovalPolicy.DESTROY,
      allowedOrigins: ['*'],
      introspection: true,
    });
    expect(registryStackName(config)).toBe('TeachingSchoolRegistry-dev');
  });

  it('for prod, retain data and name the prod stack', () => {
    // act
    const config = configFor({ stage: 'prod' });

    // assess
    expect(config).toMatchObject({
      stage: 'prod',
      production: true,
      removalPolicy: RemovalPolicy.RETAIN,
      allowedOrigins: [],
      introspection: false,
    });
    expect(registryStackName(config)).toBe('TeachingSchoolRegistry-prod');
  });

  it('read lists from comma-separated -c values or JSON arrays', () => {
    // act
    const fromFlag = configFor({
      allowedOrigins: 'https://a.example, https://b.example',
      callbackUrls: ['https://a.example/signed-in'],
    });

    // assess
    expect(fromFlag.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(fromFlag.callbackUrls).toEqual(['https://a.example/signed-in']);
  });

  it('turn introspection on or off from -c introspection=true|false, and refuse anything else', () => {
    // act
    const on = configFor({ stage: 'prod', introspection: 'true' });
    const off = configFor({ introspection: false });

    // assess
    expect(on.introspection).toBe(true);
    expect(off.introspection).toBe(false);
    expect(() => configFor({ introspection: 'yes' })).toThrow(/introspection must be true or false/);
  });

  it('name one example partner unless context names the partners', () => {
    // act
    const byDefault = configFor({});
    const named = configFor({ partners: 'acme-academies, north-trust' });

    // assess
    expect(byDefault.partners).toEqual(['example-partner']);
    expect(named.partners).toEqual(['acme-academies', 'north-trust']);
  });

  it('reject partner names Cognito or the output could not carry', () => {
    // act
    const act = () => configFor({ partners: 'Acme Academies' });

    // assess
    expect(act).toThrow(/partners must be lowercase letters, digits and hyphens; got Acme Academies/);
  });

  it('reject a stage other than dev or prod', () => {
    // act
    const act = () => configFor({ stage: 'staging' });

    // assess
    expect(act).toThrow(/stage must be one of dev, prod; got staging/);
  });
});
