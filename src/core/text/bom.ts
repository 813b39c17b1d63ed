/** The text without a leading UTF-8 byte order mark; positions in the core count from after it. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
