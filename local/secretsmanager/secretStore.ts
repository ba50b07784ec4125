// Where the secrets live: in memory, or in `<dataDir>/secretsmanager/secrets.json` so that a
// generated password, the versions and their labels stay the same across restarts. The file
// is replaced whole on each change (written aside, then renamed) and readable by its owner only.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretRecord } from './secret';

export interface SecretStore {
  load(): SecretRecord[];
  save(records: readonly SecretRecord[]): void;
}

export class MemorySecretStore implements SecretStore {
  load(): SecretRecord[] {
    return [];
  }

  save(): void {}
}

type StoredFile = { secrets: readonly SecretRecord[] };

export class FileSecretStore implements SecretStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, 'secrets.json');
  }

  load(): SecretRecord[] {
    if (!existsSync(this.file)) return [];
    return [...(JSON.parse(readFileSync(this.file, 'utf8')) as StoredFile).secrets];
  }

  save(records: readonly SecretRecord[]): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ secrets: records } satisfies StoredFile, null, 1)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}
