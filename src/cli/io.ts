/** What a command may touch, passed in so tests run commands in-process with their own streams and folder. */
export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdin and stdout are a terminal: only then may a command ask questions. */
  interactive: boolean;
  /** Asks one question on the terminal (only called when `interactive`). */
  ask?: (question: string) => Promise<string>;
}

/** Exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** The check found something: untagged trackers (`tag --check`), something that could not be tagged, an invalid config. */
  found: 1,
  /** The command could not run: a wrong argument, a file that cannot be read, a glob that matches nothing, a file that is not HTML text. */
  usage: 2,
} as const;

/** An error that ends a command with a message and an exit code (never a stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}
