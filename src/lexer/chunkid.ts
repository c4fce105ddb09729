/**
 * How the reference interpreter shows a chunk name in messages (LUA_IDSIZE = 60, so at most
 * 59 visible bytes):
 * - "=name"  -> name, cut to its first 59 bytes;
 * - "@file"  -> file when it fits in 59 bytes, else "..." and its last 56 bytes;
 * - anything else is source text -> [string "first line..."]: the text up to its first
 *   '\n', cut to 45 bytes, with "..." appended when something was cut.
 * The name is a C string there: it ends at its first NUL byte.
 */

/** visible bytes of a chunk id (LUA_IDSIZE - 1) */
const IDSIZE = 59;
/** bytes of source text that fit between `[string "` and `..."]` */
const STRING_ROOM = IDSIZE - '[string "'.length - '..."]'.length; // 45

export function chunkId(chunkname: string): string {
  const nul = chunkname.indexOf('\0');
  const name = nul >= 0 ? chunkname.slice(0, nul) : chunkname;
  const first = name.charCodeAt(0);
  if (first === 61) { // '='
    return name.slice(1, 1 + IDSIZE);
  }
  if (first === 64) { // '@'
    const file = name.slice(1);
    return file.length <= IDSIZE ? file : '...' + file.slice(file.length - (IDSIZE - 3));
  }
  const nl = name.indexOf('\n');
  if (nl < 0 && name.length < STRING_ROOM) return '[string "' + name + '"]';
  let len = nl >= 0 ? nl : name.length;
  if (len > STRING_ROOM) len = STRING_ROOM;
  return '[string "' + name.slice(0, len) + '..."]';
}
