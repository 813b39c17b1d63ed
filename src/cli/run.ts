import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import type { CliIo } from './io';
import { checklistCommand } from './checklistCommand';
import { kindsCommand } from './kindsCommand';
import { lintCommand } from './lintCommand';
import { newCommand } from './newCommand';
import { CHECKLIST_HELP, KINDS_HELP, LINT_HELP, MAIN_HELP, NEW_HELP } from './usage';
import { VERSION } from './version';

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => number>> = {
  lint: lintCommand,
  new: newCommand,
  kinds: kindsCommand,
  checklist: checklistCommand,
};

const HELP: Readonly<Record<string, string>> = { lint: LINT_HELP, new: NEW_HELP, kinds: KINDS_HELP, checklist: CHECKLIST_HELP };

/** Runs `mlreport` with the arguments after the program name; returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr(MAIN_HELP);
      return EXIT_USAGE;
    }
    if (first === '-h' || first === '--help') {
      io.stdout(MAIN_HELP);
      return EXIT_OK;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      const topic = rest[0];
      io.stdout((topic !== undefined ? HELP[topic] : undefined) ?? MAIN_HELP);
      return topic === undefined || topic in HELP ? EXIT_OK : EXIT_USAGE;
    }
    const command = COMMANDS[first];
    if (!command) {
      throw new UsageError(first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"; the commands are lint, new, kinds and checklist`);
    }
    return command(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const help = first !== undefined && first in COMMANDS ? `mlreport ${first} --help` : 'mlreport --help';
    io.stderr(`mlreport: ${error.message}\nRun "${help}" for usage.\n`);
    return EXIT_USAGE;
  }
}
