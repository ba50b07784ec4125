// The rules of @aws-appsync/eslint-plugin that work without type information: exactly its
// `base` config (the `recommended` one adds no-recursion, no-disallowed-methods,
// no-function-passing, no-function-return and no-function-reassign, which need TypeScript's type
// checker; codeCheckFunctionRules.ts and codeCheckRules.ts do their work from scope analysis).
//
// Each rule file is required on its own: the plugin's index also loads those typed rules, and
// with them TypeScript, which costs over a second at start-up for rules that cannot run here.
import type { Rule } from 'eslint';
import { createRequire } from 'node:module';

/** The rule names of the plugin's `base` config (version 2.0.2), and the file each lives in. */
export const PLUGIN_BASE_RULES: Readonly<Record<string, string>> = {
  'no-async': 'no-async',
  'no-await': 'no-await',
  'no-classes': 'no-classes',
  'no-for': 'no-for',
  'no-continue': 'no-continue',
  'no-generators': 'no-generators',
  'no-yield': 'no-yield',
  'no-labels': 'no-labels',
  'no-regex': 'no-regex',
  'no-this': 'no-this',
  'no-try': 'no-try',
  'no-while': 'no-while',
  'no-disallowed-unary-operators': 'no-disallowed-unary-operators',
  'no-disallowed-binary-operators': 'no-disallowed-binary-operator',
  'no-promise': 'no-promise',
  'no-disallowed-re-assignment': 'no-disallowed-re-assignment',
  'no-in-operator': 'no-in-operator',
};

const require = createRequire(import.meta.url);

/** Loads the plugin's base rules, keyed by their names in the plugin. */
export function loadPluginBaseRules(): Record<string, Rule.RuleModule> {
  return Object.fromEntries(
    Object.entries(PLUGIN_BASE_RULES).map(([name, file]) => {
      // Some rule files are CommonJS `module.exports = rule`, others TypeScript's `exports.default`.
      const loaded = require(`@aws-appsync/eslint-plugin/lib/rules/${file}`) as Rule.RuleModule | { default: Rule.RuleModule };
      return [name, 'default' in loaded ? loaded.default : loaded];
    }),
  );
}
