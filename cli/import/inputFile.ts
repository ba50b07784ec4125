// The CSV named on the command line, checked before anything is sent: it exists, it is a
// file, and it can be read.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { InputFileError } from '../shared/errors';

export type InputFile = { path: string; name: string; size: number };

export function inputFile(path: string): InputFile {
  const absolute = resolve(path);
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) throw new InputFileError(`${path} is not a file.`);
    size = stat.size;
    accessSync(absolute, constants.R_OK);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? (error as Error).message}).`);
  }
  return { path: absolute, name: basename(absolute), size };
}
