// The template's DynamoDB tables as CreateTable requests for DynamoDB Local.
// Both AWS::DynamoDB::Table and AWS::DynamoDB::GlobalTable (what CDK's TableV2 makes).
import type { CreateTableCommandInput, GlobalSecondaryIndex, LocalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import type { StackModel } from '../template/stackModel';

export type TableSpec = {
  logicalId: string;
  create: CreateTableCommandInput;
  /** Attribute DynamoDB expires items by, if the template enables TTL. */
  ttlAttribute?: string;
};

type Props = {
  TableName: string;
  AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  KeySchema: CreateTableCommandInput['KeySchema'];
  GlobalSecondaryIndexes?: Array<Pick<GlobalSecondaryIndex, 'IndexName' | 'KeySchema' | 'Projection'>>;
  LocalSecondaryIndexes?: Array<Pick<LocalSecondaryIndex, 'IndexName' | 'KeySchema' | 'Projection'>>;
  StreamSpecification?: { StreamViewType?: string; StreamEnabled?: boolean };
  TimeToLiveSpecification?: { AttributeName?: string; Enabled?: boolean };
};

export function tableSpecs(model: StackModel): TableSpec[] {
  const ids = [...model.ofType('AWS::DynamoDB::Table'), ...model.ofType('AWS::DynamoDB::GlobalTable')].map(([id]) => id);
  return ids.map((logicalId) => {
    const props = model.properties(logicalId) as unknown as Props;
    const name = String(model.ref(logicalId));
    const streamViewType = props.StreamSpecification?.StreamViewType;
    const create: CreateTableCommandInput = {
      TableName: name,
      AttributeDefinitions: props.AttributeDefinitions,
      KeySchema: props.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: props.GlobalSecondaryIndexes?.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection ?? { ProjectionType: 'ALL' },
      })),
      LocalSecondaryIndexes: props.LocalSecondaryIndexes?.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection ?? { ProjectionType: 'ALL' },
      })),
      StreamSpecification: streamViewType
        ? { StreamEnabled: true, StreamViewType: streamViewType as 'NEW_AND_OLD_IMAGES' }
        : undefined,
    };
    const ttl = props.TimeToLiveSpecification;
    return { logicalId, create, ttlAttribute: ttl?.Enabled && ttl.AttributeName ? ttl.AttributeName : undefined };
  });
}
