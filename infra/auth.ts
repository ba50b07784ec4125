import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ADMINS_GROUP } from '../resolvers/lib/identity';
import { organizerEmailKey, organizerKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';
import type { Settings } from './settings';

export interface AuthProps {
  /** The single table: confirmed sign-ups are registered as organizers in it. */
  readonly table: ITable;
  /** Default limits of a new organizer. */
  readonly settings: Settings;
}

/**
 * Organizers' identities: a Cognito user pool, a public app client, the `admins` group, and
 * the PostConfirmation trigger that registers each confirmed user as an organizer.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly postConfirmation: NodeFunction;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const limits = props.settings.defaultLimits;
    // Cognito waits 5 seconds for a trigger; a longer timeout would only hide a slow table.
    this.postConfirmation = new NodeFunction(this, 'PostConfirmation', {
      entry: 'postConfirmation/handler.ts',
      description: 'Cognito PostConfirmation: registers the confirmed user as an organizer',
      timeout: Duration.seconds(5),
      environment: {
        REGION: Stack.of(this).region,
        DYNAMODB_TABLE: props.table.tableName,
        DEFAULT_MAX_ACTIVE_EVENTS: String(limits.maxActiveEvents),
        DEFAULT_MAX_INVITATIONS_PER_EVENT: String(limits.maxInvitationsPerEvent),
        DEFAULT_MAX_INVITATIONS_PER_DAY: String(limits.maxInvitationsPerDay),
      },
    });
    // UpdateItem (what its TransactWriteItems does) on organizer items only, nothing else.
    this.postConfirmation.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk, organizerEmailKey('*').pk] },
        },
      }),
    );

    // Stateful: renaming this construct id replaces the pool and every user in it.
    this.userPool = new UserPool(this, 'Organizers', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.RETAIN,
      lambdaTriggers: { postConfirmation: this.postConfirmation.fn },
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is offered (TOTP) but left to each organizer; requiring it is a deployer policy choice.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason: 'Threat protection (advanced security) needs the paid Plus feature plan; deployers who want it change featurePlan.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'The Plus feature plan is a paid tier; the Essentials plan covers sign-up, sign-in and groups.',
    });
    this.userPoolClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
    new CfnUserPoolGroup(this, 'AdminsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMINS_GROUP,
      description: 'Administrators: see every organizer and event, suspend and reinstate organizers, set limits.',
    });
  }
}
