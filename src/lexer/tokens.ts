/**
 * Lua 5.4 token kinds (manual §3.1).
 *
 * Invariant: a token kind is a small integer.
 * - 0..255: a single-byte token, identified by its byte ('+' is 43, '(' is 40, and any byte
 *   that starts no other token, such as '@' or 0xC3, is a token of its own that the parser
 *   then rejects);
 * - 256..: reserved words, multi-byte symbols, end of stream and the valued tokens, in the
 *   order of TOKEN_TEXT below (TK.AND = 256 + index of 'and', ...). A test checks that TK
 *   and TOKEN_TEXT agree.
 */

export const FIRST_RESERVED = 256;

/** display text of every token kind >= FIRST_RESERVED, in token-number order */
export const TOKEN_TEXT = [
  // reserved words (§3.1)
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if',
  'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
  // multi-byte symbols
  '//', '..', '...', '==', '>=', '<=', '~=', '<<', '>>', '::',
  // end of stream and the valued tokens (shown without quotes in messages)
  '<eof>', '<number>', '<integer>', '<name>', '<string>',
] as const;

export const TK = {
  AND: 256, BREAK: 257, DO: 258, ELSE: 259, ELSEIF: 260, END: 261, FALSE: 262, FOR: 263,
  FUNCTION: 264, GOTO: 265, IF: 266, IN: 267, LOCAL: 268, NIL: 269, NOT: 270, OR: 271,
  REPEAT: 272, RETURN: 273, THEN: 274, TRUE: 275, UNTIL: 276, WHILE: 277,
  IDIV: 278, CONCAT: 279, DOTS: 280, EQ: 281, GE: 282, LE: 283, NE: 284, SHL: 285, SHR: 286,
  DBCOLON: 287,
  EOS: 288, FLT: 289, INT: 290, NAME: 291, STRING: 292,
} as const;

/** number of reserved words: token kinds FIRST_RESERVED .. FIRST_RESERVED + NUM_RESERVED - 1 */
export const NUM_RESERVED = 22;

/** reserved word text -> token kind */
export const RESERVED: ReadonlyMap<string, number> = new Map(
  TOKEN_TEXT.slice(0, NUM_RESERVED).map((w, i) => [w, FIRST_RESERVED + i] as const),
);

/**
 * How a token kind is shown in messages ("'%s' expected", "near %s"): single bytes quoted
 * when printable ('+'), as '<\N>' otherwise; reserved words and symbols quoted ('end');
 * end of stream and valued tokens bare (<eof>, <name>).
 */
export function token2str(token: number): string {
  if (token < FIRST_RESERVED) {
    if (token >= 32 && token <= 126) return "'" + String.fromCharCode(token) + "'";
    return "'<\\" + token + ">'";
  }
  const text = TOKEN_TEXT[token - FIRST_RESERVED]!;
  return token < TK.EOS ? "'" + text + "'" : text;
}
