// Text from a workbook is data, never a terminal escape: what the CLI prints has control characters shown as
// visible escapes (\x1B, \x07, \u202E), so a school name cannot move the cursor, retitle the window, ring the
// bell or reorder what the clerk reads. Line feeds (our own line ends) stay.

// C0 but LF, DEL, C1, and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string): string => {
  const code = ch.codePointAt(0) as number;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

export const terminalSafe = (text: string): string => text.replace(CONTROL, escape);

/** One line of a table cell: a line break inside a name would split the row. */
export const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');
