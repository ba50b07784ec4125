// Module resolution hooks of a local execution environment: the modules Lambda's Node.js
// runtime provides. Lambda puts the AWS SDK for JavaScript v3 on the runtime's module path, so
// bundles leave `@aws-sdk/*` external (CDK's NodejsFunction does so by default for Node 18+).
// Locally, an `@aws-sdk/*` import that the function's own code does not resolve is resolved
// from the local runtime's node_modules, wherever cdk.out is; nothing else is provided, so a
// bundle that forgot a dependency fails here as it would in Lambda.
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html (runtime-included SDK)
const RUNTIME_PROVIDED = /^@aws-sdk\//;
const PROVIDER = import.meta.url;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (RUNTIME_PROVIDED.test(specifier) && error?.code === 'ERR_MODULE_NOT_FOUND') {
      return nextResolve(specifier, { ...context, parentURL: PROVIDER });
    }
    throw error;
  }
}
