// What the local S3 takes from the template: each AWS::S3::Bucket with its name (the Ref),
// its NotificationConfiguration and the tags CloudFormation adds to it. Intrinsics are
// already resolved by the StackModel.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html
import type { StackModel } from '../template/stackModel';
import type { CfnNotificationConfiguration } from './notifications';

export type BucketConfig = {
  logicalId: string;
  name: string;
  notifications?: CfnNotificationConfiguration;
  /**
   * CloudFormation tags every bucket it creates with these three, and S3 copies `aws:*` tags
   * into event records as `awsGeneratedTags`
   * (https://aws.amazon.com/about-aws/whats-new/2026/07/amazon-s3-event-notifications-system-generated-tags/).
   */
  awsGeneratedTags: Record<string, string>;
};

export function bucketConfigs(model: StackModel): BucketConfig[] {
  return model.ofType('AWS::S3::Bucket').map(([logicalId]) => {
    const props = model.properties(logicalId);
    const notifications = props.NotificationConfiguration as CfnNotificationConfiguration | undefined;
    return {
      logicalId,
      name: String(model.ref(logicalId)),
      ...(notifications ? { notifications } : {}),
      awsGeneratedTags: {
        'aws:cloudformation:stack-name': model.env.stackName,
        'aws:cloudformation:stack-id': String(model.ref('AWS::StackId')),
        'aws:cloudformation:logical-id': logicalId,
      },
    };
  });
}
