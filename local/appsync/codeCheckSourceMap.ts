// Maps a position in a resolver bundle back to the TypeScript it came from, through the inline
// source map esbuild appends (AWS's bundling settings: `sourcemap: 'inline'`, no sources content,
// https://docs.aws.amazon.com/appsync/latest/devguide/additional-utilities.html).
import { SourceMapConsumer } from 'source-map-js';

export interface OriginalPosition {
  /** As the map names it, from the project root: `resolvers/events/createEvent.ts`. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, like ESLint's columns. */
  readonly column: number;
}

/** Takes a 1-based line and column in the bundle. */
export type PositionMapper = (line: number, column: number) => OriginalPosition | null;

const INLINE_MAP = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[^;,]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * esbuild writes each source relative to the bundle's first output folder (build/resolvers/…),
 * so its leading `../` steps lead back to the project root; dropping them leaves the path from there.
 */
const fromProjectRoot = (source: string) => source.replace(/^(?:\.\.?\/)+/, '');

/** A mapper for the bundle's inline source map, or null when it has none (or a broken one). */
export function inlineSourceMap(bundle: string): PositionMapper | null {
  const encoded = INLINE_MAP.exec(bundle)?.[1];
  if (!encoded) return null;
  let consumer: SourceMapConsumer;
  try {
    consumer = new SourceMapConsumer(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  return (line, column) => {
    const at = { line, column: Math.max(0, column - 1) };
    // A problem can start just before the first mapped token on its line (esbuild maps statements
    // and expressions, not every character): then the next mapping on the line is the right one.
    let found = consumer.originalPositionFor({ ...at, bias: SourceMapConsumer.GREATEST_LOWER_BOUND });
    if (found.source === null) found = consumer.originalPositionFor({ ...at, bias: SourceMapConsumer.LEAST_UPPER_BOUND });
    if (found.source === null || found.line === null) return null;
    return { file: fromProjectRoot(found.source), line: found.line, column: found.column + 1 };
  };
}
