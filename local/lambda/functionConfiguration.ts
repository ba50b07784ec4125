// A function as GetFunction and ListFunctions describe it (FunctionConfiguration), from the
// template and its code asset. CodeSha256 and CodeSize are computed over the asset's files
// (on AWS they describe the deployment package, a zip).
// https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionConfig } from './options';

type CodeFacts = { size: number; sha256: string; modified: Date };

const codeFacts = new Map<string, CodeFacts>();

function factsOf(codePath: string): CodeFacts {
  const cached = codeFacts.get(codePath);
  if (cached) return cached;
  const hash = createHash('sha256');
  let size = 0;
  let modified = new Date(0);
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    const bytes = readFileSync(path);
    hash.update(bytes);
    size += bytes.length;
    if (stat.mtime > modified) modified = stat.mtime;
  };
  visit(codePath);
  const facts = { size, sha256: hash.digest('base64'), modified };
  codeFacts.set(codePath, facts);
  return facts;
}

/** Lambda's LastModified format: `2019-10-18T22:34:12.102+0000`. */
function lambdaTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function functionConfiguration(config: FunctionConfig, version = '$LATEST') {
  const code = factsOf(config.codePath);
  return {
    FunctionName: config.functionName,
    FunctionArn: version === '$LATEST' ? config.arn : `${config.arn}:${version}`,
    Runtime: config.runtime,
    Role: config.role,
    Handler: config.handler,
    CodeSize: code.size,
    Description: config.description ?? '',
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: lambdaTimestamp(code.modified),
    CodeSha256: code.sha256,
    Version: version,
    Environment: { Variables: config.environment() },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: code.sha256.slice(0, 8),
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: config.architectures,
    EphemeralStorage: { Size: 512 },
    ...(config.deadLetterTargetArn ? { DeadLetterConfig: { TargetArn: config.deadLetterTargetArn } } : {}),
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${config.functionName}` },
  };
}

/** GetFunction: the configuration, where the code is (a local file URL) and reserved concurrency. */
export function getFunctionResponse(config: FunctionConfig, version = '$LATEST') {
  return {
    Configuration: functionConfiguration(config, version),
    Code: { RepositoryType: 'S3', Location: `file://${config.codePath}` },
    ...(config.reservedConcurrency === undefined ? {} : { Concurrency: { ReservedConcurrentExecutions: config.reservedConcurrency } }),
  };
}
