/** A few ANSI styles; each is the identity when colour is off. */
export interface Styles {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export function styles(color: boolean): Styles {
  const style = (open: number, close: number) => (text: string): string =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: style(31, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
    green: style(32, 39),
    dim: style(2, 22),
    bold: style(1, 22),
    underline: style(4, 24),
  };
}
