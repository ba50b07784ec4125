import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../../../cli/import/importArgs';
import { UsageError } from '../../../../cli/shared/errors';

const parse = (...argv: string[]) => parseImportArgs(argv, { dataDir: '/data' });

describe('import command line', () => {
  it('takes the event, the file and an organizer email for the local stack', () => {
    expect(parse('--event', 'e1', '--email', 'ada@example.com', 'guests.csv')).toEqual({
      help: false,
      eventId: 'e1',
      filePath: 'guests.csv',
      dataDir: '/data',
      email: 'ada@example.com',
      token: undefined,
      url: undefined,
      realtimeUrl: undefined,
    });
  });

  it('takes a token, the API URL and a realtime URL for a deployed API', () => {
    const args = parse('guests.csv', '--event=e1', '--token', 'jwt', '--url', 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql', '--realtime-url', 'wss://rt.example.com/graphql');
    expect(args).toMatchObject({ token: 'jwt', url: 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql', realtimeUrl: 'wss://rt.example.com/graphql' });
  });

  it('answers --help without asking for anything else', () => {
    expect(parse('--help').help).toBe(true);
  });

  it.each([
    [['--email', 'a@example.com', 'f.csv'], 'Give the event: --event <id>.'],
    [['--event', 'e1', '--email', 'a@example.com'], 'Give the CSV file to import.'],
    [['--event', 'e1', '--email', 'a@example.com', 'a.csv', 'b.csv'], 'One file at a time (got a.csv, b.csv).'],
    [['--event', 'e1', 'f.csv'], 'Give --email <organizer> (local stack) or --token <jwt>.'],
    [['--event', 'e1', '--email', 'a@example.com', '--token', 't', 'f.csv'], 'Give --email or --token, not both.'],
    [['--event', 'e1', '--email', 'a@example.com', '--url', 'https://api.example.com/graphql', 'f.csv'], '--url needs --token: only the local stack can sign a token for --email.'],
    [['--event', 'e1', '--token', 't', '--url', 'not a url', 'f.csv'], '--url is not a URL: not a url'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  it('refuses an unknown option as a usage error', () => {
    expect(() => parse('--event', 'e1', '--emial', 'a@example.com', 'f.csv')).toThrow(UsageError);
  });
});
