// The resolvers that run locally are byte for byte the bundles the template references.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleResolver } from '../../infra/resolverBundle';
import { PIPELINE_FUNCTIONS, RESOLVERS } from '../../infra/resolvers';
import { graphqlApiConfigs } from '../../local/appsync/options';
import { DEFAULT_CDK_OUT } from '../../local/paths';
import { readCloudAssembly } from '../../local/template/cloudAssembly';
import { StackModel } from '../../local/template/stackModel';

const assembly = readCloudAssembly(DEFAULT_CDK_OUT);
const model = new StackModel(assembly.template, { region: 'us-east-1', accountId: '000000000000', stackName: assembly.stackName, runtimeAttributes: new Map() });
const [api] = graphqlApiConfigs(model, assembly);
// Every resolver of the product has code (no direct Lambda resolvers).
const codes = [...api.resolvers.map((r) => r.code!), ...api.functions.map((f) => f.code)];

describe('resolver bundles', () => {
  it('are loaded from the cdk.out assets the template names', () => {
    for (const code of codes) {
      expect(relative(DEFAULT_CDK_OUT, dirname(code.file))).toBe('');
      expect(code.file).toMatch(/asset\.[0-9a-f]{64}\.js$/);
      expect(code.source).toBe(readFileSync(code.file, 'utf8'));
    }
  });

  it('equal what esbuild makes of resolvers/ today, for every resolver and function', () => {
    for (const spec of RESOLVERS) {
      const local = api.resolvers.find((r) => r.typeName === spec.typeName && r.fieldName === spec.fieldName)!;
      expect(local.code!.source, `${spec.typeName}.${spec.fieldName}`).toBe(readFileSync(bundleResolver(spec.code), 'utf8'));
    }
    for (const [name, spec] of Object.entries(PIPELINE_FUNCTIONS)) {
      const local = api.functions.find((f) => f.name === name)!;
      expect(local.code.source, name).toBe(readFileSync(bundleResolver(spec.code), 'utf8'));
    }
  });

  it('are single ES modules that import only @aws-appsync/utils and fit AppSync’s 32 KB', () => {
    for (const code of codes) {
      const imports = [...code.source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
      expect(imports.every((id) => id.startsWith('@aws-appsync/utils')), `${code.name}: ${imports.join(', ')}`).toBe(true);
      expect(code.source).toMatch(/^export \{/m);
      expect(code.source.length).toBeLessThanOrEqual(32_768);
    }
  });
});
