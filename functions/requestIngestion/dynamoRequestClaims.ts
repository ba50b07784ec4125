// The event requests' stateful claims (eventRequestClaim.ts) and their notices on the table.
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { NoticeRecord } from '../../resolvers/lib/records';
import { dynamoDb, isConditionFailure } from '../lib/aws/dynamodb';
import { claimStateRequest, refusedClaimOutcome, type Claim } from '../lib/sendOnce/sendClaim';
import { claimRequestUpdate, progressOf, saveProgressUpdate, unlockRequestUpdate, type RequestClaimOutcome, type RequestProgress } from './eventRequestClaim';

export type RequestClaimPorts = {
  claimRequest(claim: Claim): Promise<RequestClaimOutcome>;
  saveProgress(claim: Claim, progress: RequestProgress): Promise<void>;
  unlockRequest(claim: Claim): Promise<void>;
};

export type NoticePorts = {
  /** Writes the notice once: the same notice (same key) again changes nothing. */
  putNotice(notice: NoticeRecord): Promise<void>;
};

export function dynamoRequestClaims(table: string): RequestClaimPorts & NoticePorts {
  return {
    async claimRequest(claim) {
      try {
        const out = await dynamoDb().send(new UpdateItemCommand(claimRequestUpdate(claim)));
        return { outcome: 'claimed', progress: progressOf(out.Attributes ? unmarshall(out.Attributes) : undefined) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const state = await dynamoDb().send(new GetItemCommand(claimStateRequest(claim)));
        return { outcome: refusedClaimOutcome(state.Item ? unmarshall(state.Item) : undefined) };
      }
    },
    async saveProgress(claim, progress) {
      await dynamoDb().send(new UpdateItemCommand(saveProgressUpdate(claim, progress, Date.now())));
    },
    async unlockRequest(claim) {
      try {
        await dynamoDb().send(new UpdateItemCommand(unlockRequestUpdate(claim)));
      } catch (error) {
        // Another receive claimed it after our lease ran out: it is theirs now.
        if (!isConditionFailure(error)) throw error;
      }
    },
    async putNotice(notice) {
      try {
        await dynamoDb().send(new PutItemCommand({ TableName: table, Item: marshall(notice, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
