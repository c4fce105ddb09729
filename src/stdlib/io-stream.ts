/**
 * Buffered streams: the C-stdio layer between the io library and a HostFile.
 *
 * A Stream is what a Lua file handle holds. It buffers as glibc's stdio does, because that is
 * observable through a second handle on the same file (a fully buffered write is not seen
 * until a flush; "line" mode flushes at newlines; a seek inside the read buffer re-reads
 * nothing), and files.lua and lua5.4 depend on it. The rules kept here, from glibc's
 * behaviour:
 *  - one buffer of `bufSize` bytes (BUFSIZ; 1 after setvbuf "no"; setvbuf's size argument
 *    is ignored, as glibc ignores it when it allocates the buffer itself);
 *  - writes: see `write`; the buffer is either being filled by writes (`putting`) or holds
 *    read-ahead, never both;
 *  - reads: a read refills the whole buffer; a request of at least a buffer reads whole
 *    blocks directly, the rest through the buffer;
 *  - `offset` is the host's position when known (-1 after opening, an append, a flush):
 *    the read buffer then covers [offset - rbuf.length, offset), and a seek into that range
 *    only moves `rpos`. Other seeks go to the block boundary below the target and read up to
 *    the target (the whole block when the buffer was not empty).
 *
 * Invariant: `rbuf[rpos..]` is unread read-ahead (the host's position is after it) and
 * `wparts` (wsize bytes) is pending output (the host's position is before it); at most one of
 * them is non-empty.
 *
 * Errors follow C: a read that fails sets `err` (ferror), which the io library turns into
 * `nil, message, errno`; `clearError` is called at the start of every read (clearerr).
 */
import type { ExecResult, OsError } from './os.js';
import { EBADF, EINVAL, ESPIPE, isOsError } from './io-host.js';
import type { BufferMode, HostFile, OpenMode, Whence } from './io-host.js';

/** Size of the buffer (glibc's st_blksize on common file systems). */
export const BUFSIZ = 4096;
/** Largest single read asked from a host (big reads are split; a multiple of BUFSIZ). */
const MAXREAD = 1 << 20;

/** C's isspace in the C locale: ' ', \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Longest numeral read("n") accepts (the reference's L_MAXLENNUM). */
export const MAXLENNUM = 200;

export class Stream {
  /** the host file; null once closed */
  host: HostFile | null;
  readonly readable: boolean;
  readonly writable: boolean;
  /** opened in an append mode: every write goes to the end (the host sees to it) */
  readonly append: boolean;
  /** io.stdin, io.stdout or io.stderr: cannot be closed */
  readonly std: boolean;
  /** read buffer: rbuf[rpos..] not yet consumed */
  rbuf = '';
  rpos = 0;
  /** pending output and its length */
  wparts: string[] = [];
  wsize = 0;
  /** the buffer is collecting output (glibc's "currently putting") */
  putting = false;
  /** how far plain writes may fill the buffer: bufSize, or 0 in line/no mode (glibc's write_end) */
  wend = 0;
  bufMode: BufferMode = 'full';
  bufSize = BUFSIZ;
  /** the host's position when known, else -1 */
  offset = -1;
  /** error of the last read (ferror), null if none */
  err: OsError | null = null;
  /** state of readNumeral: text so far, current byte, too long */
  private readonly num = { text: '', c: -1, overflow: false };

  /**
   * A stream over a host file opened with `mode` (which decides what may be read and
   * written; popen's 'r' and 'w' are modes too, and io.tmpfile's file is 'w+').
   */
  constructor(host: HostFile, mode: OpenMode, std = false) {
    const update = mode.length === 2;
    this.host = host;
    this.readable = mode[0] === 'r' || update;
    this.writable = mode[0] !== 'r' || update;
    this.append = mode[0] === 'a';
    this.std = std;
  }

  get closed(): boolean {
    return this.host === null;
  }

  clearError(): void {
    this.err = null;
  }

  // -------------------------------------------------------------------------------------
  // output

  /** Write bytes to the host (glibc's new_do_write): tracks `offset`, resets the window. */
  private hostWrite(data: string): OsError | null {
    const e = this.host!.write(data);
    if (e !== null || this.append) this.offset = -1;
    else if (this.offset >= 0) this.offset += data.length;
    this.openWindow();
    return e;
  }

  /** Let plain writes fill the buffer (full mode) or send every byte through overflow. */
  private openWindow(): void {
    this.wend = this.bufMode === 'full' ? this.bufSize : 0;
  }

  /** Forget the read buffer. */
  private dropBuffer(): void {
    this.rbuf = '';
    this.rpos = 0;
  }

  /** Write out the pending output. */
  private flushBuf(): OsError | null {
    if (this.wsize === 0) return null;
    const data = this.wparts.length === 1 ? this.wparts[0] : this.wparts.join('');
    this.wparts = [];
    this.wsize = 0;
    return this.hostWrite(data);
  }

  /** Give unread read-ahead back to the host (before output, or on flush). */
  private dropReadAhead(): void {
    const h = this.host!;
    const unread = this.rbuf.length - this.rpos;
    if (unread > 0 && h.seek) {
      const r = h.seek('cur', -unread);
      this.offset = isOsError(r) || this.offset < 0 ? -1 : r;
    }
    this.dropBuffer();
  }

  /** Start collecting output (from reading, or fresh). */
  private startPutting(): void {
    if (this.rbuf.length > 0) this.dropReadAhead();
    this.putting = true;
    this.openWindow();
  }

  /** glibc's overflow(EOF): make sure output is being collected, and write out the buffer. */
  private overflow(): OsError | null {
    if (!this.putting) this.startPutting();
    return this.flushBuf();
  }

  /** Stop collecting output, before reading or seeking. */
  private stopPutting(): OsError | null {
    const e = this.flushBuf();
    this.putting = false;
    this.wend = 0;
    return e;
  }

  /** One byte through overflow: written at once when unbuffered, or a newline in line mode. */
  private putChar(ch: string): OsError | null {
    if (!this.putting) this.startPutting();
    if (this.wsize >= this.bufSize) {
      const e = this.flushBuf();
      if (e !== null) return e;
    }
    this.wparts.push(ch);
    this.wsize++;
    if (this.bufMode === 'no' || (this.bufMode === 'line' && ch === '\n')) return this.flushBuf();
    return null;
  }

  /** Bytes into the buffer's window, the rest byte by byte through overflow. */
  private putRest(s: string): OsError | null {
    let i = 0;
    while (i < s.length) {
      const space = this.wend - this.wsize;
      if (space > 0) {
        const take = Math.min(space, s.length - i);
        this.wparts.push(s.slice(i, i + take));
        this.wsize += take;
        i += take;
        continue;
      }
      const e = this.putChar(s[i]);
      i++;
      if (e !== null) return e;
    }
    return null;
  }

  /**
   * Write bytes (glibc's xsputn). What fits the buffer's window is buffered (in line mode,
   * up to the last newline when all of it fits, and then flushed); if anything is left, the
   * buffer is written out, whole blocks of the rest are written directly (everything when the
   * buffer is smaller than 128 bytes) and the remainder goes through the buffer.
   */
  write(s: string): OsError | null {
    if (s.length === 0) return null;
    if (!this.writable) return EBADF;
    const h = this.host!;
    if (h.setvbuf) return h.write(s); // the host buffers
    const n = s.length;
    let count = 0;
    let mustFlush = false;
    if (this.bufMode === 'line' && this.putting) {
      count = this.bufSize - this.wsize;
      if (count >= n) {
        const nl = s.lastIndexOf('\n');
        if (nl >= 0) {
          count = nl + 1;
          mustFlush = true;
        }
      }
    } else if (this.wend > this.wsize) {
      count = this.wend - this.wsize;
    }
    if (count > 0) {
      if (count > n) count = n;
      this.wparts.push(count === n ? s : s.slice(0, count));
      this.wsize += count;
    }
    const toDo = n - count;
    if (toDo === 0 && !mustFlush) return null;
    const e = this.overflow();
    if (e !== null) return e;
    const b = this.bufSize;
    const direct = toDo - (b >= 128 ? toDo % b : 0);
    if (direct > 0) {
      const e2 = this.hostWrite(s.slice(count, count + direct));
      if (e2 !== null) return e2;
    }
    return toDo > direct ? this.putRest(s.slice(count + direct)) : null;
  }

  /** fflush: write out pending output, give back read-ahead; the position is then unknown. */
  flush(): OsError | null {
    const h = this.host!;
    if (h.setvbuf) return h.flush ? h.flush() : null;
    const e = this.flushBuf();
    if (e !== null) return e;
    if (this.rpos < this.rbuf.length && h.seek) {
      const r = h.seek('cur', this.rpos - this.rbuf.length);
      if (isOsError(r)) return r;
      this.dropBuffer();
    }
    this.offset = -1;
    return null;
  }

  /** setvbuf: "no" flushes and shrinks the buffer to one byte; the others keep its size. */
  setvbuf(mode: BufferMode, size: number): void {
    const h = this.host!;
    if (h.setvbuf) {
      h.setvbuf(mode, size);
      return;
    }
    if (mode === 'no') {
      this.flush();
      this.dropBuffer();
      this.wend = 0;
      this.bufSize = 1;
    }
    this.bufMode = mode;
  }

  // -------------------------------------------------------------------------------------
  // input

  /** Checks before reading from the host: readable, output written out. */
  private readReady(): boolean {
    if (!this.readable) {
      this.err = EBADF;
      return false;
    }
    if (this.putting) {
      const e = this.stopPutting();
      if (e !== null) {
        this.err = e;
        return false;
      }
    }
    return true;
  }

  /** Up to n bytes from the host; '' at the end of file or on error (then `err` is set). */
  private hostRead(n: number): string {
    const r = this.host!.read(n > MAXREAD ? MAXREAD : n);
    if (typeof r !== 'string') {
      this.err = r;
      this.offset = -1;
      return '';
    }
    if (this.offset >= 0) this.offset += r.length;
    return r;
  }

  /** Refill the (consumed) buffer; false at the end of file or on error. */
  private fill(): boolean {
    if (!this.readReady()) return false;
    this.rbuf = this.hostRead(this.bufSize);
    this.rpos = 0;
    return this.rbuf !== '';
  }

  /** Next byte, or -1 at the end of file (or error). */
  getc(): number {
    return this.atEof() ? -1 : this.rbuf.charCodeAt(this.rpos++);
  }

  /** Give back the byte the last getc returned (only right after a successful getc). */
  ungetc(): void {
    this.rpos--;
  }

  /** True when nothing is left to read (end of file or error); read(0). */
  atEof(): boolean {
    return this.rpos >= this.rbuf.length && !this.fill();
  }

  /**
   * Read a line: the bytes up to the next newline (kept when `keepNewline`). Undefined when
   * the end of file comes before any byte.
   */
  readLine(keepNewline: boolean): string | undefined {
    let acc = '';
    for (;;) {
      if (this.atEof()) return acc !== '' ? acc : undefined;
      const buf = this.rbuf;
      const nl = buf.indexOf('\n', this.rpos);
      if (nl >= 0) {
        acc += buf.slice(this.rpos, keepNewline ? nl + 1 : nl);
        this.rpos = nl + 1;
        return acc;
      }
      acc += this.rpos === 0 ? buf : buf.slice(this.rpos);
      this.rpos = buf.length;
    }
  }

  /**
   * Read up to n bytes (fewer at the end of file), as glibc's fread: from the buffer, then
   * whole blocks straight from the host, the rest through the buffer.
   */
  readChars(n: number): string {
    let acc = '';
    let want = n;
    for (;;) {
      const take = Math.min(want, this.rbuf.length - this.rpos);
      acc += this.rbuf.slice(this.rpos, this.rpos + take);
      this.rpos += take;
      want -= take;
      if (want === 0) return acc;
      if (want < this.bufSize) {
        if (!this.fill()) return acc;
        continue;
      }
      if (!this.readReady()) return acc;
      this.dropBuffer();
      const r = this.hostRead(this.bufSize >= 128 ? want - (want % this.bufSize) : want);
      if (r === '') return acc;
      acc += r;
      want -= r.length;
    }
  }

  /** Read everything up to the end of file. */
  readAll(): string {
    let acc = this.rbuf.slice(this.rpos);
    this.dropBuffer();
    if (!this.readReady()) return acc;
    for (;;) {
      const r = this.hostRead(MAXREAD);
      if (r === '') return acc;
      acc += r;
    }
  }

  /**
   * read("n"): skip whitespace and read the longest prefix that can start a numeral
   * (optional sign, "0x", digits, one point, an exponent with its sign), at most
   * MAXLENNUM bytes; the byte that ends it is left unread. Returns the text read, or
   * undefined when it ran past MAXLENNUM (the bytes read so far are consumed either way).
   * The caller converts it (an invalid numeral fails).
   */
  readNumeral(): string | undefined {
    const n = this.num;
    n.text = '';
    n.overflow = false;
    let c = this.getc();
    while (isSpace(c)) c = this.getc();
    n.c = c;
    this.numAccept(45, 43); // '-' '+'
    let count = 0;
    let hex = false;
    if (this.numAccept(48, 48)) { // '0'
      if (this.numAccept(120, 88)) hex = true; // 'x' 'X'
      else count = 1;
    }
    count += this.numDigits(hex);
    if (this.numAccept(46, 46)) count += this.numDigits(hex); // '.'
    if (count > 0 && (hex ? this.numAccept(112, 80) : this.numAccept(101, 69))) { // 'p' 'P' / 'e' 'E'
      this.numAccept(45, 43);
      this.numDigits(false);
    }
    if (n.c !== -1) this.ungetc();
    return n.overflow ? undefined : n.text;
  }

  /** readNumeral: add the current byte to the text and read the next; false when too long. */
  private numTake(): boolean {
    const n = this.num;
    if (n.text.length >= MAXLENNUM) {
      n.overflow = true;
      return false;
    }
    n.text += String.fromCharCode(n.c);
    n.c = this.getc();
    return true;
  }

  /** readNumeral: take the current byte if it is a or b. */
  private numAccept(a: number, b: number): boolean {
    const c = this.num.c;
    return (c === a || c === b) && this.numTake();
  }

  /** readNumeral: take a run of (hex) digits; their count. */
  private numDigits(hex: boolean): number {
    let k = 0;
    while ((hex ? isHexDigit(this.num.c) : isDigit(this.num.c)) && this.numTake()) k++;
    return k;
  }

  // -------------------------------------------------------------------------------------
  // positioning and closing

  /** A host seek that forgets the buffer. */
  private dumbSeek(whence: Whence, off: number): number | OsError {
    const r = this.host!.seek!(whence, off);
    this.dropBuffer();
    if (!isOsError(r)) this.offset = r;
    return r;
  }

  /** The size of a seekable host file, leaving its position alone; null if unknown. */
  private hostSize(): number | null {
    const h = this.host!;
    const here = h.seek!('cur', 0);
    if (isOsError(here)) return null;
    const size = h.seek!('end', 0);
    h.seek!('set', here);
    return isOsError(size) ? null : size;
  }

  /** fseek: the new position (see the header for what is read ahead). */
  seek(whence: Whence, off: number): number | OsError {
    const h = this.host!;
    if (!h.seek) return ESPIPE;
    const mustBeExact = this.rbuf.length === 0 && this.wsize === 0;
    if (this.putting || this.wsize > 0) {
      const e = this.stopPutting();
      if (e !== null) return e;
    }
    const unread = this.rbuf.length - this.rpos;
    let target: number;
    if (whence === 'cur') {
      if (this.offset < 0) return this.dumbSeek('cur', off - unread);
      target = this.offset - unread + off;
      if (target < 0) return EINVAL;
    } else if (whence === 'set') {
      target = off;
    } else {
      const size = this.hostSize();
      if (size === null) return this.dumbSeek('end', off);
      target = size + off;
    }
    if (this.offset >= 0) {
      const start = this.offset - this.rbuf.length;
      if (target >= start && target < this.offset) {
        this.rpos = target - start;
        return target;
      }
    }
    if (!this.readable || target < 0) return this.dumbSeek('set', target);
    const b = this.bufSize;
    const blockStart = target - (target % b);
    const delta = target - blockStart;
    const r = this.dumbSeek('set', blockStart);
    if (isOsError(r)) return r;
    if (delta === 0) return target;
    const got = h.read(mustBeExact ? delta : b);
    const n = typeof got === 'string' ? got.length : -1;
    if (n < delta) {
      if (n > 0) this.offset += n;
      return this.dumbSeek('cur', n < 0 ? delta : delta - n);
    }
    this.rbuf = got as string;
    this.rpos = delta;
    this.offset = blockStart + n;
    return target;
  }

  /** Write out pending output and release the host file; closed afterwards in any case. */
  close(): OsError | ExecResult | null {
    const h = this.host!;
    const e = this.flushBuf();
    this.host = null;
    this.dropBuffer();
    const r = h.close();
    return e !== null ? e : r;
  }
}
