import { RULE_IDS } from '../core/rules';
import { BUILTIN_KINDS } from '../core/templates/registry';
import { FORMAT_NAMES } from './formats';
import { DOCS_URL } from './version';

const KINDS = BUILTIN_KINDS.map((kind) => kind.id).join(', ');

export const MAIN_HELP = `Usage: mlreport <command> [options]

Lints Markdown ML experiment reports and writes new ones from templates.

Commands:
  lint [options] PATH...       Lint report files, folders (their .md files) or globs
  new KIND [options]           Write a new report from a kind's template
  kinds [--json]               List the report kinds for the current folder
  checklist [options] FILE...  Print a report's reproducibility checklist as Markdown

Options:
  -h, --help                   Show this help; "mlreport lint --help" shows a command's
  -v, --version                Print the version

Report kinds: ${KINDS}, and those of .mlreport.json "kinds" templates
Documentation: ${DOCS_URL}
`;

export const LINT_HELP = `Usage: mlreport lint [options] PATH...

Lints each report among PATH: a file, a folder (its .md files, recursively, without
node_modules and .git) or a glob such as "reports/**/*.md" (quote it). A Markdown file
whose front matter "type:" names no report kind is skipped, with a note on standard error.

Options:
  -f, --format NAME            Output: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -k, --kind KIND              Lint every file as this kind, whatever its front matter says
                               (${KINDS}, or a kind of the file's .mlreport.json)
  -c, --config FILE            Use this configuration instead of the nearest .mlreport.json
      --no-config              Use no configuration file
  -r, --rule ID=SETTING        Set a rule to off, info, warning or error (repeatable);
                               overrides the configuration
      --max-size SIZE          Skip larger files, e.g. 500KB, 20MB (default: 10MB)
  -h, --help                   Show this help

Exit codes: 0 no errors, 1 at least one error-severity finding,
            2 bad usage, a bad configuration file, or a file that could not be linted.

Rules: ${RULE_IDS.join(', ')}
Configuration (.mlreport.json, found by walking up from each file's folder):
  { "rules": { "section-order": "off" }, "files": ["notes/**/*.md"], "kind": "ml-experiment-report",
    "kinds": ["templates/eval-note.md"], "sections": { "eval-note": { "optional": ["Risks"] } },
    "overrides": [{ "files": ["drafts/**"], "rules": { "unfilled-placeholder": "off" } }] }
`;

export const NEW_HELP = `Usage: mlreport new KIND [options]

Writes a new report from the template of KIND (${KINDS}, or a kind of the
.mlreport.json that applies to the output's folder), with today's date.
Without --output it prints the report.

Options:
  -t, --title TITLE            Fill in the title
  -a, --author NAME            Fill in an author (repeatable)
  -o, --output FILE            Write to FILE instead of standard output
      --force                  Overwrite FILE if it exists
  -h, --help                   Show this help
`;

export const KINDS_HELP = `Usage: mlreport kinds [--json]

Lists the report kinds that apply to files in the current folder: the built-in ones and the
"kinds" templates of the nearest .mlreport.json, each with its source file, its sections and
its counts. Exits 2 when the configuration has problems (they are printed).

Options:
      --json                   Print JSON
  -h, --help                   Show this help
`;

export const CHECKLIST_HELP = `Usage: mlreport checklist [options] FILE...

Prints each report's reproducibility checklist as Markdown, ready to paste into a review or a
pull request: every item with Yes or No, and the line where the report states it (or where it
belongs). The items are the reproducibility rules (seeds, environment, results variance, data
splits, success criteria, objectives, code version, significance claims).

Options:
  -k, --kind KIND              Check every file as this kind, whatever its front matter says
  -c, --config FILE            Use this configuration instead of the nearest .mlreport.json
      --no-config              Use no configuration file
  -h, --help                   Show this help

Exit codes: 0 printed (whatever the checklist says), 2 bad usage or a file that could not be read.
`;
