/**
 * `consentry init`: writes a starting config for the site
 * (`consentry.config.json`, or `--out`), validated like any other. On a
 * terminal it asks for what the flags did not give; otherwise it asks
 * nothing and writes what it was given.
 *
 * Languages: a single language is forced (`language`); a language Consentry
 * does not ship gets a `translations` entry holding the English texts, to be
 * translated (README "Languages").
 */
import { access, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveConfig } from '../core/config';
import { SHIPPED_LANGUAGES } from '../core/language';
import en from '../ui/locales/en.json';
import { CliError, EXIT, type Io } from './io';

export interface InitFlags {
  policyUrl?: string;
  policyVersion?: string;
  contactEmail?: string;
  contactPhone?: string;
  languages?: string;
  out?: string;
  force: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The questions asked on a terminal, in order: flag, question, default. */
const QUESTIONS: [keyof InitFlags, string, () => string][] = [
  ['policyUrl', 'Privacy policy URL', () => '/privacy'],
  ['policyVersion', 'Policy version (change it when the policy changes: visitors are asked again)', today],
  ['contactEmail', 'Privacy contact email (empty for none)', () => ''],
  ['contactPhone', 'Privacy hotline (empty for none)', () => ''],
  ['languages', `Languages of the site, comma-separated (shipped: ${SHIPPED_LANGUAGES.join(', ')})`, () => SHIPPED_LANGUAGES.join(',')],
];

/** The config for these answers (only what differs from the defaults). */
export function initialConfig(flags: InitFlags): Record<string, unknown> {
  const config: Record<string, any> = {};
  if (flags.policyUrl || flags.policyVersion) config.policy = { url: flags.policyUrl, version: flags.policyVersion ?? today() };
  if (config.policy && !config.policy.url) delete config.policy.url;
  if (flags.contactEmail || flags.contactPhone) config.contact = { email: flags.contactEmail || undefined, hotline: flags.contactPhone || undefined };
  const languages = (flags.languages ?? '').split(',').map((l) => l.trim()).filter(Boolean);
  if (languages.length === 1) config.language = languages[0];
  const extra = languages.filter((l) => !SHIPPED_LANGUAGES.includes(l));
  if (extra.length) config.translations = Object.fromEntries(extra.map((l) => [l, { ...en, 'language.name': l }]));
  return JSON.parse(JSON.stringify(config));
}

export async function initCommand(flags: InitFlags, io: Io): Promise<number> {
  const answers: InitFlags = { ...flags };
  if (io.interactive && io.ask) {
    for (const [key, question, fallback] of QUESTIONS) {
      if (answers[key] !== undefined) continue;
      const answer = (await io.ask(`${question} [${fallback()}]: `)).trim();
      (answers as unknown as Record<string, unknown>)[key] = answer || fallback();
    }
  }
  const config = initialConfig(answers);
  const { problems, invalid } = resolveConfig(config);
  for (const problem of problems) io.stderr(`  ${problem.warning ? 'warning' : 'error'}  ${problem.message}\n`);
  if (invalid) {
    io.stderr('consentry init: nothing written; fix the values above\n');
    return EXIT.found;
  }
  const text = JSON.stringify(config, null, 2) + '\n';
  const out = flags.out ?? 'consentry.config.json';
  if (out === '-') {
    io.stdout(text);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists && !flags.force) throw new CliError(`${out} already exists; use --force to replace it, or --out to write elsewhere`);
  await writeFile(path, text).catch((error: Error) => {
    throw new CliError(`cannot write ${out}: ${error.message}`);
  });
  const missing = [!config.policy || !(config.policy as { url?: string }).url ? '--policy-url' : '', !config.contact ? '--contact-email or --contact-phone' : ''].filter(Boolean);
  io.stdout(
    `wrote ${out}\n` +
      (missing.length ? `  not set: ${missing.join(', ')} (the defaults apply)\n` : '') +
      (config.translations ? `  translate the English texts under "translations" for: ${Object.keys(config.translations).join(', ')}\n` : '') +
      'Next: put it in <head> before the guard, then tag your pages:\n' +
      '  <script type="application/json" id="consentry-config">…its JSON…</script>\n' +
      '  <script src="/consentry/consentry.js"></script>\n' +
      '  npx consentry tag "dist/**/*.html"   (or the Vite plugin: consentry/vite)\n',
  );
  return EXIT.ok;
}
