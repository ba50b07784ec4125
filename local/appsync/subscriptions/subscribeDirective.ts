// Which subscription fields each mutation triggers: `@aws_subscribe(mutations: [...])`.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
import { Kind, type GraphQLSchema } from 'graphql';

/** Mutation field name -> subscription field names listening to it. */
export function subscriptionsByMutation(schema: GraphQLSchema): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const subscription = schema.getSubscriptionType();
  const mutation = schema.getMutationType();
  if (!subscription) return out;
  for (const field of Object.values(subscription.getFields())) {
    const directive = field.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
    const list = directive?.arguments?.find((a) => a.name.value === 'mutations')?.value;
    if (!list || list.kind !== Kind.LIST) continue;
    for (const item of list.values) {
      if (item.kind !== Kind.STRING) continue;
      if (!mutation?.getFields()[item.value]) {
        throw new Error(`Subscription.${field.name} subscribes to mutation ${item.value}, which the schema does not have.`);
      }
      out.set(item.value, [...(out.get(item.value) ?? []), field.name]);
    }
  }
  return out;
}
