import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CDK_OUT = join(PROJECT_ROOT, 'cdk.out');
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.data');
export const ENDPOINTS_FILE = 'endpoints.json';
