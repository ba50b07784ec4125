import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { EVENTS_BY_ORGANIZER, TABLE_KEY } from '../resolvers/lib/keys';

export interface DataProps {
  /**
   * Keep the table when the stack is deleted.
   * @default true
   */
  readonly retainTable?: boolean;
}

/** The single table: events, attendees, organizers (ARCHITECTURE.md section 6). */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataProps = {}) {
    super(scope, id);
    const retain = props.retainTable ?? true;
    // Stateful: renaming this construct id replaces the table (and loses its data).
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      // The stream is the outbox: publishing changes reads it (ARCHITECTURE.md section 5).
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        {
          indexName: EVENTS_BY_ORGANIZER.indexName,
          partitionKey: { name: EVENTS_BY_ORGANIZER.partitionKey, type: AttributeType.STRING },
          sortKey: { name: EVENTS_BY_ORGANIZER.sortKey, type: AttributeType.STRING },
        },
      ],
    });
  }
}
