// The users of the local user pools: user name, sub, attributes (strings, as Cognito keeps
// them), status, groups, a password hash when they signed up with one, and a pending
// confirmation code. In memory, or in `<cognito data dir>/users.json` so that a user keeps
// its sub and groups across restarts.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';

export type LocalUser = {
  username: string;
  sub: string;
  attributes: Record<string, string>;
  status: UserStatus;
  groups: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** scrypt `salt:hash` (hex). */
  passwordHash?: string;
  confirmationCode?: string;
};

type Stored = Record<string, LocalUser[]>;

export class UserRegistry {
  private readonly pools: Stored;

  /** @param file JSON file for the users; undefined keeps them in memory. */
  constructor(private readonly file?: string) {
    this.pools = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Stored) : {};
  }

  list(userPoolId: string): readonly LocalUser[] {
    return this.pools[userPoolId] ?? [];
  }

  /** By user name, sub, or (case-insensitively) email alias. */
  find(userPoolId: string, key: { username?: string; sub?: string; email?: string }): LocalUser | undefined {
    const users = this.list(userPoolId);
    if (key.sub) return users.find((u) => u.sub === key.sub);
    if (key.username) {
      const byName = users.find((u) => u.username === key.username);
      if (byName) return byName;
    }
    const email = (key.email ?? key.username)?.toLowerCase();
    return email ? users.find((u) => u.attributes.email?.toLowerCase() === email) : undefined;
  }

  add(userPoolId: string, user: LocalUser): void {
    (this.pools[userPoolId] ??= []).push(user);
    this.save();
  }

  update(userPoolId: string, user: LocalUser, change: Partial<LocalUser>): LocalUser {
    Object.assign(user, change, { updatedAt: new Date().toISOString() });
    this.save();
    return user;
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.pools, null, 1), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

export function passwordMatches(password: string, stored: string | undefined): boolean {
  if (!stored) return false;
  const [salt, hash] = stored.split(':');
  const actual = scryptSync(password, Buffer.from(salt!, 'hex'), 32);
  const expected = Buffer.from(hash!, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
