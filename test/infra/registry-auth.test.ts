import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

function clientNamed(name: string, context: Record<string, unknown> = {}): Record<string, any> {
  const clients = Object.values(synthesizeRegistry(context).template.findResources('AWS::Cognito::UserPoolClient'));
  const client = clients.find((candidate) => candidate.Properties.ClientName === name);
  if (!client) throw new Error(`no client named ${name}`);
  return client.Properties;
}

describe('the Cognito user pool', () => {
  it('has the dfe-staff and tsc-staff groups', () => {
    // act
    const groups = Object.values(synthesizeRegistry().template.findResources('AWS::Cognito::UserPoolGroup'));

    // assess
    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual(['dfe-staff', 'tsc-staff']);
  });

  it('admits users only by invitation, with a strong password and a mutable regions attribute', () => {
    // act
    const pool = onlyResource(synthesizeRegistry().template, 'AWS::Cognito::UserPool').Properties;

    // assess
    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Policies.PasswordPolicy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.Schema).toContainEqual(
      expect.objectContaining({ Name: 'regions', AttributeDataType: 'String', Mutable: true }),
    );
  });

  it('in prod, requires MFA, enforces threat protection and keeps the pool', () => {
    // act
    const pool = onlyResource(synthesizeRegistry({ stage: 'prod' }).template, 'AWS::Cognito::UserPool');

    // assess
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('defines the registry resource server with the read scope', () => {
    // act
    const server = onlyResource(synthesizeRegistry().template, 'AWS::Cognito::UserPoolResourceServer').Properties;

    // assess
    expect(server.Identifier).toBe('registry');
    expect(server.Scopes).toEqual([{ ScopeName: 'read', ScopeDescription: 'Read the registry' }]);
  });

  it('gives the example partner a secret and client credentials for registry/read only', () => {
    // prepare
    const server = onlyResource(synthesizeRegistry().template, 'AWS::Cognito::UserPoolResourceServer').logicalId;

    // act
    const partner = clientNamed('example-partner');

    // assess
    expect(partner.GenerateSecret).toBe(true);
    expect(partner.AllowedOAuthFlows).toEqual(['client_credentials']);
    expect(partner.AllowedOAuthScopes).toEqual([{ 'Fn::Join': ['', [{ Ref: server }, '/read']] }]);
    expect(partner.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('gives each partner named in context a client of its own, and the API accepts their tokens', () => {
    // prepare
    const { template } = synthesizeRegistry({ partners: 'acme-academies,north-trust' });

    // act
    const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'));

    // assess
    expect(clients.map(([, client]) => client.Properties.ClientName).sort()).toEqual([
      'acme-academies',
      'north-trust',
      'staff',
    ]);
    const audience = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer').Properties.JwtConfiguration.Audience;
    expect(audience).toEqual(expect.arrayContaining(clients.map(([logicalId]) => ({ Ref: logicalId }))));
  });

  it('lets staff sign in with SRP or the hosted UI, without a secret, and read but not change their regions', () => {
    // act
    const staff = clientNamed('staff', { stage: 'prod' });

    // assess
    expect(staff.GenerateSecret).toBe(false);
    expect(staff.AllowedOAuthFlows).toEqual(['code']);
    expect(staff.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(staff.ReadAttributes).toContain('custom:regions');
    expect(staff.WriteAttributes).not.toContain('custom:regions');
  });

  it('in dev only, lets staff sign in with a password from the command line', () => {
    // act
    const staff = clientNamed('staff', { stage: 'dev' });

    // assess
    expect(staff.ExplicitAuthFlows).toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('has a hosted domain named after the stage and account unless context names one', () => {
    // act
    const derived = onlyResource(
      synthesizeRegistry({ stage: 'prod' }).template,
      'AWS::Cognito::UserPoolDomain',
    ).Properties;
    const named = onlyResource(
      synthesizeRegistry({ authDomainPrefix: 'tsr-test' }).template,
      'AWS::Cognito::UserPoolDomain',
    ).Properties;

    // assess
    expect(derived.Domain).toEqual({ 'Fn::Join': ['', ['teaching-school-registry-prod-', { Ref: 'AWS::AccountId' }]] });
    expect(named.Domain).toBe('tsr-test');
  });
});
