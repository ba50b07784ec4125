import { Validations } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The variable that names the secret for functions (functions/lib/tokens/tokenKey.ts). */
export const TOKEN_SECRET_VARIABLE = 'TOKEN_SECRET_ARN';

/**
 * The key attendee and unsubscribe tokens are signed with (functions/lib/tokens): 64 random
 * letters and digits in a Secrets Manager secret, never in the table or the template, so a
 * leaked table or template grants no answers.
 */
export class TokenKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Stateful: replacing this secret invalidates every link in mail already sent.
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key of attendee and unsubscribe tokens (Calendar Invite Server)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the key would invalidate the links in every invitation already sent; tokens are recomputed for each mail, so a deliberate manual rotation is the supported path.',
    });
  }

  /** Lets `grantee` read the key, and returns the environment variable that names it. */
  grantRead(grantee: IGrantable): Record<string, string> {
    this.secret.grantRead(grantee);
    return { [TOKEN_SECRET_VARIABLE]: this.secret.secretArn };
  }
}
