// Which test files share a VS Code window. Most share one; a file listed here gets a window of its
// own, started without the built-in extensions it names.

export interface TestWindow {
  /** The bundled test files (`*.test.js`) this window runs. */
  files: string[];
  /** Built-in extensions left out of this window, by id. */
  withoutExtensions: string[];
}

interface SeparateWindow {
  file: string;
  withoutExtensions: string[];
}

const SEPARATE: readonly SeparateWindow[] = [
  // VS Code's Markdown language features block the extension host for seconds on a 2 MB document,
  // with or without ML Report (see the test): the test measures ML Report's share.
  { file: 'responsiveness.test.js', withoutExtensions: ['vscode.markdown-language-features'] },
];

/** The windows for the bundled test files: the shared one first (when it has files), then the separate ones. */
export function planWindows(testFiles: readonly string[]): TestWindow[] {
  const separate = SEPARATE.filter((window) => testFiles.includes(window.file));
  const shared = testFiles.filter((file) => !separate.some((window) => window.file === file));
  return [
    ...(shared.length > 0 ? [{ files: shared, withoutExtensions: [] }] : []),
    ...separate.map((window) => ({ files: [window.file], withoutExtensions: window.withoutExtensions })),
  ];
}
