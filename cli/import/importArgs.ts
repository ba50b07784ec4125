// The import CLI's command line, checked before anything is read or sent.
import { parseArgs } from 'node:util';
import { UsageError } from '../shared/errors';
import type { TargetOptions } from '../shared/apiTarget';

export const USAGE = `Usage: npm run import -- --event <id> [auth] <file.csv>

Uploads a guest list (CSV with an email column) to an event, shows the import's progress
until it ends, then prints its summary.

Auth, one of:
  --email <address>         the organizer, with a token from the local stack's issuer
  --token <jwt>             a Cognito ID or access token (for a deployed API, with --url)

Options:
  --url <graphql url>       the API (default: graphqlUrl of the local stack)
  --realtime-url <url>      its realtime endpoint (default: derived from --url, or the local one)
  --data-dir <dir>          where the local stack wrote endpoints.json (default: .data)
  --help                    this text

Exit status: 0 completed, 2 completed but stopped by a limit, 1 failed or error.
`;

export type ImportArgs = TargetOptions & { help: boolean; eventId: string; filePath: string };

export function parseImportArgs(argv: string[], defaults: { dataDir: string }): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        email: { type: 'string' },
        token: { type: 'string' },
        url: { type: 'string' },
        'realtime-url': { type: 'string' },
        'data-dir': { type: 'string', default: defaults.dataDir },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes and a readable message.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const args: ImportArgs = {
    help: values.help,
    eventId: values.event ?? '',
    filePath: positionals[0] ?? '',
    dataDir: values['data-dir'],
    email: values.email,
    token: values.token,
    url: values.url,
    realtimeUrl: values['realtime-url'],
  };
  if (args.help) return args;
  if (!args.eventId) throw new UsageError('Give the event: --event <id>.');
  if (positionals.length === 0) throw new UsageError('Give the CSV file to import.');
  if (positionals.length > 1) throw new UsageError(`One file at a time (got ${positionals.join(', ')}).`);
  if (args.email && args.token) throw new UsageError('Give --email or --token, not both.');
  if (!args.email && !args.token) throw new UsageError('Give --email <organizer> (local stack) or --token <jwt>.');
  if (args.url && !args.token) throw new UsageError('--url needs --token: only the local stack can sign a token for --email.');
  for (const [name, value] of [['--url', args.url], ['--realtime-url', args.realtimeUrl]] as const) {
    if (value !== undefined && !URL.canParse(value)) throw new UsageError(`${name} is not a URL: ${value}`);
  }
  return args;
}
