/**
 * `consentry tag <files|folders|globs…> [--check] [--dry-run]`: tags every
 * tracker element of each HTML file in place (README "Embed"), and says what
 * it did, file by file, with line:column, the vendor host and the category.
 * - `--check` writes nothing and exits 1 when a file would change or holds
 *   something that cannot be tagged (for a site's CI);
 * - `--dry-run` writes nothing and prints a unified diff of what would change.
 */
import { createTwoFilesPatch } from 'diff';
import { tagHtml, type TagResult } from '../tagger';
import { expandTargets, readHtml, writeHtml } from './files';
import { CliError, EXIT, type Io } from './io';

export interface TagFlags {
  check: boolean;
  dryRun: boolean;
}

/** At most this many parse warnings are printed per file (the rest are counted). */
const WARNINGS_SHOWN = 5;

export async function tagCommand(targets: string[], flags: TagFlags, io: Io): Promise<number> {
  if (!targets.length) throw new CliError('consentry tag: name the HTML files, folders or globs to tag (e.g. consentry tag "dist/**/*.html")');
  const files = await expandTargets(targets, io.cwd);
  const writes = !flags.check && !flags.dryRun;
  // With --dry-run the diff is the output; the report goes to stderr.
  const say = flags.dryRun ? io.stderr : io.stdout;
  let tagged = 0;
  let untagged = 0;
  let changedFiles = 0;

  for (const path of files) {
    const file = await readHtml(path, io.cwd);
    const result = tagHtml(file.text);
    const changed = result.html !== file.text;
    tagged += result.changes.length;
    untagged += result.untagged.length;
    if (changed) changedFiles++;
    say(report(path, result, changed, flags));
    if (changed && flags.dryRun) io.stdout(createTwoFilesPatch(`a/${path}`, `b/${path}`, file.text, result.html, undefined, undefined, { context: 2 }));
    if (changed && writes) await writeHtml(path, io.cwd, { ...file, text: result.html });
  }

  const verb = writes ? 'tagged' : 'to tag';
  say(
    `${files.length} file${files.length === 1 ? '' : 's'}: ${tagged} element${tagged === 1 ? '' : 's'} ${verb}, ${untagged} that cannot be tagged` +
      `${writes ? `, ${changedFiles} file${changedFiles === 1 ? '' : 's'} written` : flags.check ? ' (--check: nothing written)' : ' (--dry-run: nothing written)'}\n`,
  );
  if (untagged) return EXIT.found;
  if (flags.check && changedFiles) return EXIT.found;
  return EXIT.ok;
}

/** One file's part of the report. */
function report(path: string, result: TagResult, changed: boolean, flags: TagFlags): string {
  const lines: string[] = [];
  const verb = flags.check || flags.dryRun ? 'to tag' : 'tagged';
  for (const change of result.changes) {
    lines.push(`  ${change.line}:${change.column}  ${verb}  ${change.element}  data-consent="${change.categories.join(' ')}"  (${change.hosts.join(', ')})`);
  }
  for (const note of result.untagged) lines.push(`  ${note.line}:${note.column}  cannot tag  ${note.message}`);
  for (const warning of result.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${warning.line}:${warning.column}  warning  ${warning.message}`);
  if (result.warnings.length > WARNINGS_SHOWN) lines.push(`  … ${result.warnings.length - WARNINGS_SHOWN} more warnings`);
  const om = result.observeMarkup;
  if (om.status === 'written') lines.push(`  observeMarkup: false ${flags.check || flags.dryRun ? 'to write' : 'written'} into #consentry-config (every tracker element is tagged: the guard needs no markup observer)`);
  else if (om.status === 'left' && (result.changes.length || result.untagged.length)) lines.push(`  observeMarkup left as it is: ${om.reason}`);
  if (!result.hasGuard && result.changes.length) {
    lines.push('  note  this page does not load the Consentry guard (consentry.js): tagged elements wait for it; add it first in <head>');
  }
  const status = !changed && !result.untagged.length ? 'nothing to tag' : result.untagged.length ? 'something cannot be tagged' : flags.check || flags.dryRun ? 'would change' : 'tagged';
  return `${path}: ${status}\n${lines.map((line) => line + '\n').join('')}`;
}
