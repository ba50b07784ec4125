// Rejects, at load time, resolver code that AppSync would not run: the bundle as AppSync
// receives it is linted in memory with @aws-appsync/eslint-plugin's type-free rules and with
// rules for the rest of AWS's list of unsupported features [SF], and every problem is named
// by its line in the bundle and, through the inline source map, in the TypeScript source.
// [SF] https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
//
// ```ts
// assertSupportedCode(source, 'cdk.out/asset.1234.js'); // throws UnsupportedCodeError
// const problems = checkAppsyncCode(source, 'cdk.out/asset.1234.js'); // or look at them
// ```
import type { Linter as LinterTypes } from 'eslint';
// The Linter alone: eslint's main entry also loads the ESLint class and its file-system machinery.
import { Linter } from 'eslint/universal';
import { functionRules } from './codeCheckFunctionRules';
import { loadPluginBaseRules } from './codeCheckPluginRules';
import { localRules } from './codeCheckRules';
import { inlineSourceMap, type OriginalPosition } from './codeCheckSourceMap';

export type { OriginalPosition } from './codeCheckSourceMap';

export const SUPPORTED_FEATURES_URL = 'https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html';

/** How many problems an error message lists; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

const PLUGIN = '@aws-appsync';
const LOCAL = 'appsync-js';
/** The rule id of a bundle that does not parse as a strict-mode ES module (APPSYNC_JS always is one). */
const SYNTAX_RULE = 'syntax';
/** The Linter only needs a name its config matches; the real file name is only for people. */
const LINTED_FILENAME = 'bundle.js';

export interface CodeProblem {
  /** `@aws-appsync/<rule>` (AWS's plugin), `appsync-js/<rule>` (codeCheckRules.ts and codeCheckFunctionRules.ts) or `syntax`. */
  readonly ruleId: string;
  readonly message: string;
  /** 1-based, in the bundle. */
  readonly line: number;
  /** 1-based, in the bundle. */
  readonly column: number;
  /** Where the source map says the code came from; null without a map or a mapping there. */
  readonly original: OriginalPosition | null;
}

/** Resolver code that AppSync would not run; the message names the file and every line. */
export class UnsupportedCodeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly CodeProblem[],
  ) {
    super(formatCodeProblems(file, problems));
    this.name = 'UnsupportedCodeError';
  }
}

let checker: { linter: Linter; config: LinterTypes.Config[] } | undefined;

/** One Linter and one config for every bundle, made at the first check. */
function getChecker() {
  if (checker) return checker;
  const pluginRules = loadPluginBaseRules();
  const ownRules = { ...localRules, ...functionRules };
  const config: LinterTypes.Config[] = [
    {
      files: ['**/*.js'],
      // AppSync ignores eslint-disable comments, and so must this check.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { [PLUGIN]: { rules: pluginRules }, [LOCAL]: { rules: ownRules } },
      rules: Object.fromEntries([
        ...Object.keys(pluginRules).map((name) => [`${PLUGIN}/${name}`, 'error'] as const),
        ...Object.keys(ownRules).map((name) => [`${LOCAL}/${name}`, 'error'] as const),
      ]),
    },
  ];
  checker = { linter: new Linter({ configType: 'flat' }), config };
  return checker;
}

/** Every feature `source` (an APPSYNC_JS bundle: one ES module) uses that AppSync does not support. */
export function checkAppsyncCode(source: string, file: string): CodeProblem[] {
  const { linter, config } = getChecker();
  let messages: LinterTypes.LintMessage[];
  try {
    messages = linter.verify(source, config, { filename: LINTED_FILENAME });
  } catch (error) {
    throw new Error(`Checking ${file} for APPSYNC_JS support failed: ${(error as Error).message}`, { cause: error });
  }
  if (messages.length === 0) return [];
  const toOriginal = inlineSourceMap(source);
  return messages.map((m) => ({
    ruleId: m.ruleId ?? SYNTAX_RULE,
    message: m.message,
    line: m.line,
    column: m.column,
    original: toOriginal?.(m.line, m.column) ?? null,
  }));
}

/** Throws UnsupportedCodeError when `source` uses anything AppSync does not support. */
export function assertSupportedCode(source: string, file: string): void {
  const problems = checkAppsyncCode(source, file);
  if (problems.length > 0) throw new UnsupportedCodeError(file, problems);
}

/** One message for all of a file's problems: the file, then each problem's lines and rule. */
export function formatCodeProblems(file: string, problems: readonly CodeProblem[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => {
    const bundleAt = `line ${p.line}:${p.column}`;
    const where = p.original ? `${p.original.file}:${p.original.line}:${p.original.column} (bundle ${bundleAt})` : `bundle ${bundleAt}`;
    return `  - ${where}: ${p.message} [${p.ruleId}]`;
  });
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`  … and ${more} more`);
  if (problems.length === 0) return `${file} uses only features AppSync's APPSYNC_JS runtime supports.`;
  const count = problems.length === 1 ? 'a feature' : `${problems.length} uses of features`;
  return [`${file} has ${count} that AppSync's APPSYNC_JS runtime does not support (${SUPPORTED_FEATURES_URL}):`, ...listed].join('\n');
}
