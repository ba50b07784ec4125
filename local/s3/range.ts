// The Range header of GetObject. https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Range)
import { S3Error } from './errors';

/**
 * One `bytes=` range, as S3 serves them (it does not serve multiple ranges: those, and
 * ranges it cannot read, get the whole object). A range starting past the end is
 * InvalidRange (416).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Range)
 */
export function parseRange(header: string, size: number): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw invalidRange(header, size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return undefined;
  }
  if (start >= size) throw invalidRange(header, size);
  return { start, end };
}

function invalidRange(header: string, size: number): S3Error {
  return new S3Error('InvalidRange', 'The requested range is not satisfiable', { RangeRequested: header, ActualObjectSize: size });
}
