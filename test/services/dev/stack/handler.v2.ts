// The hot reload test's function, version 2.
export async function handler(): Promise<string> {
  return `lambda v2 (${process.env.VERSION})`;
}
