// A function's environment, read in one place: every variable it needs, checked together,
// so that a misconfigured function fails with one error naming every missing name.

export type Env = Readonly<Record<string, string | undefined>>;

/** The named variables from `env` (default `process.env`), or one Error naming every missing one. */
export function requireEnv<const N extends string>(names: readonly N[], env: Env = process.env): Record<N, string> {
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(`Missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the function's CDK construct sets them.`);
  }
  return Object.fromEntries(names.map((name) => [name, env[name] as string])) as Record<N, string>;
}
