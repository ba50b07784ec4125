// The hot reload test's function, version 1.
export async function handler(): Promise<string> {
  return `lambda v1 (${process.env.VERSION})`;
}
