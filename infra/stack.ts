import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AcceptanceDigests } from './acceptanceDigests';
import { Api } from './api';
import { Auth } from './auth';
import { Data } from './data';
import { Deliverability } from './deliverability';
import { Imports } from './imports';
import { Invitations } from './invitations';
import { LiveCounts } from './liveCounts';
import { Mail } from './mail';
import { Messaging } from './messaging';
import { NoticeMail } from './noticeMail';
import { Publishing } from './publishing';
import { RequestIngestion } from './requestIngestion';
import type { Settings } from './settings';
import { TokenKey } from './tokenKey';

export interface CalendarInviteStackProps extends StackProps {
  readonly settings: Settings;
}

/** The whole system: composes the constructs and hands each what it needs. */
export class CalendarInviteStack extends Stack {
  constructor(scope: Construct, id: string, props: CalendarInviteStackProps) {
    super(scope, id, props);
    const data = new Data(this, 'Data');
    const auth = new Auth(this, 'Auth', { table: data.table, settings: props.settings });
    const messaging = new Messaging(this, 'Messaging');
    const tokenKey = new TokenKey(this, 'TokenKey');
    const imports = new Imports(this, 'Imports');
    // Acceptance digests before the API: rsvp queues a window's timer through its scheduler (infra/acceptanceDigests.ts).
    const acceptanceDigests = new AcceptanceDigests(this, 'AcceptanceDigests', { table: data.table, window: Duration.minutes(props.settings.acceptanceDigestMinutes) });
    const api = new Api(this, 'Api', {
      table: data.table,
      userPool: auth.userPool,
      settings: props.settings,
      inviteDispatch: messaging.inviteDispatch.queue,
      imports,
      tokenKey,
      acceptanceDigests,
    });
    imports.addImporter({ table: data.table, api: api.api });
    // Live counts: the table's stream -> publishRsvpCounts -> onRsvpCountsChanged (infra/liveCounts.ts).
    new LiveCounts(this, 'LiveCounts', { table: data.table, api: api.api });
    const mail = new Mail(this, 'Mail', {
      settings: props.settings,
      inboundTopic: messaging.inboundMail,
      feedbackTopic: messaging.sesFeedback,
    });
    new Publishing(this, 'Publishing', {
      table: data.table,
      newEventInvite: messaging.newEventInvite,
      eventUpdated: messaging.eventUpdated,
      eventCancellationRequest: messaging.eventCancellationRequest,
      organizerNotices: messaging.organizerNotices,
    });
    new NoticeMail(this, 'NoticeMail', {
      table: data.table,
      queue: messaging.noticeMail.queue,
      sender: props.settings.sender,
      configurationSet: mail.configurationSet,
    });
    // Deliverability: SES feedback and one-click unsubscribe (infra/deliverability.ts).
    const deliverability = new Deliverability(this, 'Deliverability', { table: data.table, feedbackTopic: messaging.sesFeedback, tokenKey });
    deliverability.allowRsvp(api.api);
    new Invitations(this, 'Invitations', {
      table: data.table,
      inviteDispatch: messaging.inviteDispatch.queue,
      notifications: messaging.notifications.queue,
      tokenKey,
      sender: props.settings.sender,
      rsvpEmail: props.settings.rsvpEmail,
      configurationSet: mail.configurationSet,
      linksUrl: deliverability.linksUrl,
    });
    new CfnOutput(this, 'LinksUrl', { value: deliverability.linksUrl, description: "Links in attendees' mail (the RSVP page, one-click unsubscribe) start with this URL." });

    // Mail to the requests and RSVP addresses: emailed CSV imports and calendar replies (infra/requestIngestion.ts).
    new RequestIngestion(this, 'RequestIngestion', {
      table: data.table,
      queue: messaging.eventRequests.queue,
      inboundBucket: mail.inboundBucket,
      api: api.api,
      requestsEmail: props.settings.requestsEmail,
      rsvpEmail: props.settings.rsvpEmail,
    });

    new CfnOutput(this, 'GraphqlUrl', { value: api.api.graphqlUrl });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'InboundBucketName', { value: mail.inboundBucket.bucketName });
    new CfnOutput(this, 'InviteDispatchQueueUrl', { value: messaging.inviteDispatch.queue.queueUrl });
    new CfnOutput(this, 'RsvpEmail', { value: props.settings.rsvpEmail, description: 'Replies to invitations arrive here (SES inbound).' });
    new CfnOutput(this, 'RequestsEmail', { value: props.settings.requestsEmail, description: 'Organizers email event requests here (SES inbound).' });
  }
}
