// Each CSV attachment of a received message is imported once, although SQS delivers at least
// once: its idempotency item (lib/sendOnce/sendClaim.ts) is `message#requestIngestion/
// <SES message id>/<attachment index>`. SES message ids are unique per received message, and
// an attachment keeps its index in every redelivery of the same stored message.
// Emailed RSVPs claim under the same consumer (rsvpClaim.ts).
// Kept free of other imports: infra/requestIngestion.ts scopes the role's claims with it.

/** The key namespace of ingestion's idempotency items (and of its IAM scope). */
export const REQUEST_INGESTION_CONSUMER = 'requestIngestion';

/** The claim's message id for one attachment of one received message. */
export function attachmentClaimId(sesMessageId: string, attachmentIndex: number): string {
  return `${sesMessageId}/${attachmentIndex}`;
}
