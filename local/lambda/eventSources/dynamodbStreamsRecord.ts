// A stream record as the function receives it: { eventID, eventName, eventVersion,
// eventSource: "aws:dynamodb", awsRegion, dynamodb: { ApproximateCreationDateTime (epoch
// seconds), Keys, NewImage?, OldImage?, SequenceNumber, SizeBytes, StreamViewType },
// eventSourceARN }, images in attribute-value JSON (binary as base64).
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
//
// What DynamoDB Local 3.3.0 gives (checked by reading its streams): awsRegion "ddblocal" and
// stream ARNs in region "ddblocal" (both replaced here by the local region and the template's
// stream ARN); eventVersion "1.1"; the images its StreamViewType promises; no record for a
// write that changes nothing or a delete of a missing item; ApproximateCreationDateTime
// rounded down to the minute (AWS rounds to the second), so the time a record arrived is
// taken from the local clock instead (arrivalTime below).
import type { _Record as SdkStreamRecord, AttributeValue } from '@aws-sdk/client-dynamodb-streams';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** Attribute-value JSON as the function sees it. */
export type AttributeValueJson = Record<string, unknown>;

export type LambdaStreamRecord = {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Record<string, AttributeValueJson>;
    NewImage?: Record<string, AttributeValueJson>;
    OldImage?: Record<string, AttributeValueJson>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  eventSourceARN: string;
  /** TTL deletions: { type: "Service", principalId: "dynamodb.amazonaws.com" }. */
  userIdentity?: { type: string; principalId: string };
};

/** DynamoDB Local writes ApproximateCreationDateTime rounded down to the minute. */
export const DYNAMODB_LOCAL_CREATION_TIME_GRANULARITY_MS = 60_000;

/**
 * When a record arrived, on the local clock. A record read within a minute of its (rounded)
 * creation time arrived now; an older one (kept across a restart, or read late) is dated
 * back by the part of its age that is certain, so MaximumRecordAgeInSeconds still sees it.
 * @param createdMs DynamoDB Local's ApproximateCreationDateTime, in wall-clock milliseconds.
 * @param wallNowMs the wall clock now (DynamoDB Local's clock).
 * @param clockNowMs the injected clock now.
 */
export function arrivalTime(createdMs: number | undefined, wallNowMs: number, clockNowMs: number): number {
  if (createdMs === undefined) return clockNowMs;
  const certainAge = wallNowMs - (createdMs + DYNAMODB_LOCAL_CREATION_TIME_GRANULARITY_MS);
  return clockNowMs - Math.max(0, certainAge);
}

/** Which images a stream view type carries for each kind of change. */
export function promisedImages(viewType: StreamViewType, eventName: string): { newImage: boolean; oldImage: boolean } {
  const newImage = (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && eventName !== 'REMOVE';
  const oldImage = (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && eventName !== 'INSERT';
  return { newImage, oldImage };
}

export function lambdaStreamRecord(
  record: SdkStreamRecord,
  context: { region: string; eventSourceArn: string; viewType: StreamViewType; arrivedAtMs: number },
): LambdaStreamRecord {
  const source = record.dynamodb ?? {};
  const eventName = record.eventName as LambdaStreamRecord['eventName'];
  const viewType = (source.StreamViewType as StreamViewType | undefined) ?? context.viewType;
  const images = promisedImages(viewType, eventName);
  const shaped: LambdaStreamRecord = {
    eventID: record.eventID ?? '',
    eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(context.arrivedAtMs / 1000),
      Keys: imageJson(source.Keys) ?? {},
      ...(images.newImage && source.NewImage ? { NewImage: imageJson(source.NewImage) } : {}),
      ...(images.oldImage && source.OldImage ? { OldImage: imageJson(source.OldImage) } : {}),
      SequenceNumber: source.SequenceNumber ?? '',
      SizeBytes: source.SizeBytes ?? 0,
      StreamViewType: viewType,
    },
    eventSourceARN: context.eventSourceArn,
  };
  if (record.userIdentity?.Type) shaped.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId ?? '' };
  return shaped;
}

function imageJson(image: Record<string, AttributeValue> | undefined): Record<string, AttributeValueJson> | undefined {
  if (!image) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, attributeJson(value)]));
}

/** The SDK's attribute values back to JSON: binary values become base64 strings. */
function attributeJson(value: AttributeValue): AttributeValueJson {
  const v = value as unknown as Record<string, unknown>;
  if (v.B instanceof Uint8Array) return { B: base64(v.B) };
  if (Array.isArray(v.BS)) return { BS: (v.BS as Uint8Array[]).map(base64) };
  if (v.M && typeof v.M === 'object') return { M: imageJson(v.M as Record<string, AttributeValue>) };
  if (Array.isArray(v.L)) return { L: (v.L as AttributeValue[]).map(attributeJson) };
  // The SDK adds `$unknown` to unions it does not know; keep only the member that is set.
  const [key, member] = Object.entries(v).find(([k, m]) => k !== '$unknown' && m !== undefined) ?? ['NULL', true];
  return { [key]: member };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
