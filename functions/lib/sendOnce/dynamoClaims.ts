// The send-once claims (sendClaim.ts) on the table: claim, finish and release as ports, the
// same for every consumer that sends something once (the notice mailer, the invitation
// dispatcher, the mail ingestion).
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamoDb, isConditionFailure } from '../aws/dynamodb';
import { claimRequest, claimStateRequest, finishRequest, refusedClaimOutcome, releaseRequest, type Claim, type ClaimOutcome, type DeliveryStatus } from './sendClaim';

export type ClaimPorts = {
  claim(claim: Claim): Promise<ClaimOutcome>;
  finish(claim: Claim, status: Exclude<DeliveryStatus, 'SENDING'>, facts: { sesMessageId?: string; reason?: string }): Promise<void>;
  release(claim: Claim): Promise<void>;
};

export function dynamoClaims(): ClaimPorts {
  return {
    async claim(claim) {
      try {
        await dynamoDb().send(new PutItemCommand(claimRequest(claim)));
        return 'claimed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const state = await dynamoDb().send(new GetItemCommand(claimStateRequest(claim)));
        return refusedClaimOutcome(state.Item ? unmarshall(state.Item) : undefined);
      }
    },
    async finish(claim, status, facts) {
      await dynamoDb().send(new UpdateItemCommand(finishRequest(claim, status, facts, Date.now())));
    },
    async release(claim) {
      try {
        await dynamoDb().send(new DeleteItemCommand(releaseRequest(claim)));
      } catch (error) {
        // Another receive claimed it after our lease ran out: it is theirs now.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
