// `npm run import -- --event <id> --email <organizer> guests.csv`: uploads a guest list,
// shows the import's progress until it ends, prints the summary (see cli/README.md).
// Exit status: 0 completed, 2 completed but stopped by a limit, 1 failed or any error.
import { DEFAULT_DATA_DIR } from '../local/paths';
import { exitCodeFor, EXIT_CODES } from './import/exitCode';
import { formatSummary } from './import/formatSummary';
import { parseImportArgs, USAGE } from './import/importArgs';
import { inputFile } from './import/inputFile';
import { progressReporter } from './import/progressReporter';
import { runImport } from './import/runImport';
import { resolveApiTarget } from './shared/apiTarget';
import { CliError, UsageError } from './shared/errors';

async function main(argv: string[]): Promise<number> {
  const args = parseImportArgs(argv, { dataDir: DEFAULT_DATA_DIR });
  if (args.help) {
    process.stdout.write(USAGE);
    return EXIT_CODES.completed;
  }
  const file = inputFile(args.filePath);
  const target = await resolveApiTarget(args);
  const job = await runImport({ target, eventId: args.eventId, file, reporter: progressReporter(process.stderr) });
  process.stdout.write(formatSummary(job));
  return exitCodeFor(job);
}

function describe(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof CliError) return error.message;
  return (error as Error).stack ?? String(error);
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    process.stderr.write(`import: ${describe(error)}\n`);
    exit(EXIT_CODES.failed);
  },
);

/** Exits once stdout is flushed: nothing the CLI opened should keep it alive. */
function exit(code: number) {
  process.stdout.write('', () => process.exit(code));
}
