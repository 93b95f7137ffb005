/**
 * The `consentry` command line: parses the arguments (node:util parseArgs)
 * and runs one command. `run` never throws: every failure is a message on
 * stderr and an exit code (see EXIT in ./io.ts).
 */
import { parseArgs } from 'node:util';
import { checkConfigCommand } from './check-config-command';
import { initCommand } from './init-command';
import { CliError, EXIT, type Io } from './io';
import { tagCommand } from './tag-command';

export const HELP = `Usage: consentry <command> [options]

Commands:
  tag <files|folders|globs…>   Tag every tracker element of these HTML files in place
      --check                  Write nothing; exit 1 if a file would change or holds something that cannot be tagged
      --dry-run                Write nothing; print a unified diff of what would change
  check-config <file>          Validate a config (a JSON file, or the #consentry-config of an HTML page)
  init                         Write a starting config (consentry.config.json)
      --policy-url <url>       --policy-version <version>
      --contact-email <email>  --contact-phone <number>
      --languages <en,zh-CN>   --out <file|->   --force
      (asks for the rest on a terminal; asks nothing otherwise)

Exit codes: 0 done, 1 something found (untagged trackers, an invalid config), 2 could not run (arguments, unreadable files, globs that match nothing).
`;

/** The options of each command, for parseArgs. */
const OPTIONS = {
  tag: { check: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  'check-config': {},
  init: {
    'policy-url': { type: 'string' },
    'policy-version': { type: 'string' },
    'contact-email': { type: 'string' },
    'contact-phone': { type: 'string' },
    languages: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
} as const;

type Command = keyof typeof OPTIONS;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(__CONSENTRY_VERSION__ + '\n');
    return EXIT.ok;
  }
  try {
    if (!(command in OPTIONS)) throw new CliError(`unknown command ${JSON.stringify(command)}; run consentry --help`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...OPTIONS[command as Command], help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`consentry ${command}: ${(error as Error).message}`);
    }
    const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (command === 'tag') return await tagCommand(positionals, { check: values.check === true, dryRun: values['dry-run'] === true }, io);
    if (positionals.length > (command === 'check-config' ? 1 : 0)) throw new CliError(`consentry ${command}: unexpected ${JSON.stringify(positionals.at(-1))}`);
    if (command === 'check-config') return await checkConfigCommand(positionals[0], io);
    const text = (name: string) => values[name] as string | undefined;
    return await initCommand(
      {
        policyUrl: text('policy-url'),
        policyVersion: text('policy-version'),
        contactEmail: text('contact-email'),
        contactPhone: text('contact-phone'),
        languages: text('languages'),
        out: text('out'),
        force: values.force === true,
      },
      io,
    );
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`consentry: ${error.message}\n`);
      return error.code;
    }
    io.stderr(`consentry: internal error: ${(error as Error)?.stack ?? error}\n`);
    return EXIT.usage;
  }
}
