import { run } from './run';

// A reader that closed the pipe (`mlreport lint . | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const noColor = (process.env['NO_COLOR'] ?? '') !== '';
process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !noColor,
});
