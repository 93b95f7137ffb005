/** The `consentry` bin (dist/cli.js): runs ./main.ts with the process's streams. */
import { createInterface } from 'node:readline/promises';
import { run } from './main';

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const terminal = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive,
  ask: terminal && ((question) => terminal.question(question)),
});
terminal?.close();
