// Cognito PostConfirmation trigger: a confirmed sign-up registers the user as an organizer
// (id = the user's sub) with its email, which access tokens do not carry. Other trigger
// sources change nothing. Cognito needs the event back; an error refuses the confirmation.
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { PostConfirmationTriggerEvent, PostConfirmationTriggerHandler } from 'aws-lambda';
import { dynamoDb } from '../lib/aws/dynamodb';
import { log } from '../lib/log';
import { registration } from './registration';

export const handler: PostConfirmationTriggerHandler = async (event: PostConfirmationTriggerEvent) => {
  const plan = registration(event, process.env, new Date().toISOString());
  if (!plan.register) return event;
  await dynamoDb().send(new TransactWriteItemsCommand(plan.transaction));
  log('INFO', 'organizer registered', {
    triggerSource: event.triggerSource,
    userPoolId: event.userPoolId,
    organizerId: plan.organizerId,
    emailDomain: plan.emailDomain,
  });
  return event;
};
