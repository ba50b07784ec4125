import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { CalendarInviteStack } from './stack';

export const STACK_NAME = 'CalendarInviteServer';

/** The CDK app: one stack, checked by cdk-nag's AwsSolutions pack. */
export function createApp(props: AppProps = {}) {
  const app = new App(props);
  const stack = new CalendarInviteStack(app, STACK_NAME, {
    settings: readSettings(app.node),
    description: 'Calendar Invite Server: event invitations on AppSync, Lambda, SQS, SNS, SES and DynamoDB',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
