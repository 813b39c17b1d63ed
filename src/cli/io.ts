/** Where the CLI writes and what it assumes about its surroundings; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder relative paths are resolved against and printed relative to. */
  cwd: string;
  /** Colour the human output (stdout is a TTY and `NO_COLOR` is unset). */
  color?: boolean;
  /** The clock `new` takes today's date from. */
  now?: () => Date;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}
