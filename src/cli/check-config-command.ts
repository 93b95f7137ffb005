/**
 * `consentry check-config <file>`: the guard's own validation
 * (`resolveConfig`) over a config, from a JSON file or from the
 * `#consentry-config` of an HTML page; every problem with its path.
 */
import { extname } from 'node:path';
import { resolveConfig } from '../core/config';
import { findConfigText } from '../tagger';
import { readHtml } from './files';
import { CliError, EXIT, type Io } from './io';

export async function checkConfigCommand(path: string | undefined, io: Io): Promise<number> {
  if (!path) throw new CliError('consentry check-config: name a config file (JSON) or an HTML page that embeds one');
  const { text } = await readHtml(path, io.cwd);
  const isPage = /^\.html?$/i.test(extname(path)) || /^\s*</.test(text);
  const json = isPage ? findConfigText(text) : text;
  if (json === undefined) throw new CliError(`${path} has no <script type="application/json" id="consentry-config">`);

  let user: unknown;
  try {
    user = JSON.parse(json.trim() || '{}');
  } catch (error) {
    io.stdout(`${path}: not valid JSON: ${(error as Error).message}\n`);
    return EXIT.found;
  }
  const { problems, invalid } = resolveConfig(user);
  for (const problem of problems) io.stdout(`  ${problem.warning ? 'warning' : 'error'}  ${problem.message}\n`);
  const errors = problems.filter((p) => !p.warning).length;
  const warnings = problems.length - errors;
  io.stdout(
    invalid
      ? `${path}: invalid (${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}): the guard would deny every optional category until it is fixed\n`
      : `${path}: valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`,
  );
  return invalid ? EXIT.found : EXIT.ok;
}
