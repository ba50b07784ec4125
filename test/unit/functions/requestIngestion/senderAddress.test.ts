import { describe, expect, it } from 'vitest';
import { domainOf, senderAddress } from '../../../../functions/requestIngestion/senderAddress';

describe('senderAddress', () => {
  it('reads the address of a mailbox with a display name, normalized as the table keys it', () => {
    expect(senderAddress(['"Lovelace, Ada" <Ada@Example.ORG>'])).toEqual({ email: 'ada@example.org' });
  });

  it('reads a bare address', () => {
    expect(senderAddress(['ada@example.org'])).toEqual({ email: 'ada@example.org' });
  });

  it('finds no sender without a From', () => {
    expect(senderAddress([])).toEqual({ problem: 'the message has no From address' });
  });

  it('refuses several From addresses (in one header or several), and groups', () => {
    expect(senderAddress(['ada@example.org', 'bob@example.org'])).toMatchObject({ problem: expect.stringMatching(/names 2 addresses/) });
    expect(senderAddress(['Team: ada@example.org, bob@example.org;'])).toMatchObject({ problem: expect.stringMatching(/names 2 addresses/) });
  });

  it('refuses a From that is not an address', () => {
    expect(senderAddress(['Ada Lovelace'])).toEqual({ problem: 'the From header is not an email address' });
  });

  it('gives the domain for the log, never the address', () => {
    expect(domainOf('ada@example.org')).toBe('example.org');
  });
});
