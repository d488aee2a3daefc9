import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.js';

/** The Cognito groups staff belong to; tokens name them in the `cognito:groups` claim. */
const STAFF_GROUPS = {
  dfeStaff: 'dfe-staff',
  tscStaff: 'tsc-staff',
} as const;

/** The resource server whose scope partner tokens carry, as `registry/read`. */
const RESOURCE_SERVER = { identifier: 'registry', readScope: 'read' } as const;

/** A tsc-staff user's GOR region codes or RSC region names, comma-separated; tokens carry it as `custom:regions`. */
const REGIONS_ATTRIBUTE = 'regions';

export interface RegistryAuthProps {
  /** MFA, plan, removal policy, callback URLs, partners and domain prefix for the stage. */
  config: StageConfig;
}

/**
 * Who may call the API: a Cognito user pool for DfE and teaching school council staff (created by
 * an administrator, never self sign-up), a client for the staff's sign-in, and a read-only
 * client-credentials client for each partner.
 */
export class RegistryAuth extends Construct {
  readonly userPool: UserPool;
  readonly staffClient: UserPoolClient;
  /** One client-credentials client per partner, by partner name. */
  readonly partnerClients: ReadonlyMap<string, UserPoolClient>;
  readonly domain: UserPoolDomain;
  /** The JWT issuer the API's authorizer trusts. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: RegistryAuthProps) {
    super(scope, id);
    const { config } = props;
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { [REGIONS_ATTRIBUTE]: new StringAttribute({ mutable: true, maxLen: 256 }) },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: config.production ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: config.production ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: config.production
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : StandardThreatProtectionMode.NO_ENFORCEMENT,
      deletionProtection: config.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: config.removalPolicy,
    });
    if (!config.production) {
      Validations.of(this.userPool).acknowledge(
        {
          id: 'AwsSolutions-COG2',
          reason: 'dev only: TOTP MFA is optional so test users can sign in from scripts; prod requires it',
        },
        {
          id: 'AwsSolutions-COG8',
          reason:
            'dev only: test users need no threat protection, so the pool stays on Essentials; ' +
            'prod runs Plus with threat protection enforced',
        },
      );
    }

    this.userPool.addGroup('DfeStaff', {
      groupName: STAFF_GROUPS.dfeStaff,
      description: 'DfE staff: may read and change the whole registry',
    });
    this.userPool.addGroup('TscStaff', {
      groupName: STAFF_GROUPS.tscStaff,
      description: 'Teaching school council staff: may change schools in the regions of their custom:regions attribute',
    });

    const readScope = new ResourceServerScope({
      scopeName: RESOURCE_SERVER.readScope,
      scopeDescription: 'Read the registry',
    });
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER.identifier,
      scopes: [readScope],
    });
    const registryRead = OAuthScope.resourceServer(resourceServer, readScope);

    this.staffClient = this.userPool.addClient('StaffClient', {
      userPoolClientName: 'staff',
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: config.passwordSignIn },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, registryRead],
        callbackUrls: config.callbackUrls,
        logoutUrls: config.logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: config.tokenValidity,
      idTokenValidity: config.tokenValidity,
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(REGIONS_ATTRIBUTE),
      // Staff may not change their own regions: only an administrator may (AdminUpdateUserAttributes).
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.partnerClients = new Map(
      config.partners.map((partner) => [
        partner,
        this.userPool.addClient(`Partner-${partner}`, {
          userPoolClientName: partner,
          generateSecret: true,
          // No user sign-in through a partner's client: Cognito keeps only refresh, which client credentials never use.
          authFlows: { userSrp: false },
          oAuth: { flows: { clientCredentials: true }, scopes: [registryRead] },
          accessTokenValidity: config.tokenValidity,
        }),
      ]),
    );

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix: config.authDomainPrefix ?? `teaching-school-registry-${config.stage}-${Stack.of(this).account}`,
      },
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
