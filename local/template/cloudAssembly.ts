// Reads what `cdk synth` wrote: the stack's CloudFormation template and where each asset
// (resolver bundle, Lambda bundle, schema) sits in cdk.out, keyed by its S3 object key,
// since the template refers to assets only by their S3 location.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type CfnResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  Metadata?: Record<string, unknown>;
};

export type CfnTemplate = {
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
};

export interface CloudAssembly {
  readonly dir: string;
  readonly stackName: string;
  readonly template: CfnTemplate;
  /** Absolute path in cdk.out of the asset uploaded under `objectKey`. */
  assetPath(objectKey: string): string;
}

type Manifest = {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string; file?: string }; dependencies?: string[]; displayName?: string }>;
};
type AssetManifest = {
  files?: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
};

export function readCloudAssembly(dir: string, stackName?: string): CloudAssembly {
  const root = resolve(dir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`No cloud assembly in ${root} (${(error as Error).message}). Run \`npm run synth\` first.`);
  }
  const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
  const chosen = stackName ? stacks.find(([id]) => id === stackName) : stacks.length === 1 ? stacks[0] : undefined;
  if (!chosen) {
    const names = stacks.map(([id]) => id).join(', ') || 'none';
    throw new Error(
      stackName ? `Stack ${stackName} is not in ${root} (stacks: ${names}).` : `Name the stack to run: ${root} holds ${names}.`,
    );
  }
  const [id, artifact] = chosen;
  const template = JSON.parse(readFileSync(join(root, artifact.properties!.templateFile!), 'utf8')) as CfnTemplate;

  const assetPaths = new Map<string, string>();
  for (const dependency of artifact.dependencies ?? []) {
    const dep = manifest.artifacts[dependency];
    if (dep?.type !== 'cdk:asset-manifest' || !dep.properties?.file) continue;
    const assets = JSON.parse(readFileSync(join(root, dep.properties.file), 'utf8')) as AssetManifest;
    for (const file of Object.values(assets.files ?? {})) {
      for (const destination of Object.values(file.destinations)) {
        assetPaths.set(destination.objectKey, join(root, file.source.path));
      }
    }
  }

  return {
    dir: root,
    stackName: id,
    template,
    assetPath(objectKey: string) {
      const path = assetPaths.get(objectKey);
      if (!path) throw new Error(`Asset ${objectKey} is not in the asset manifest of ${id} in ${root}.`);
      return path;
    },
  };
}

/** The object key of an `s3://bucket/key` location. */
export function objectKeyOf(s3Location: string): string {
  const match = /^s3:\/\/[^/]+\/(.+)$/.exec(s3Location);
  if (!match) throw new Error(`Not an S3 location: ${s3Location}`);
  return match[1];
}
