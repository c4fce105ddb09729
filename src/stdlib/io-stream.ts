/**
 * Buffered streams: the C-stdio-like layer between the io library and a HostFile.
 *
 * A Stream is what a Lua file handle holds. It buffers in both directions as stdio does, so
 * the observable behaviour of files matches the reference interpreter's (a fully buffered
 * write is not seen by another handle on the same file until a flush; "line" mode flushes at
 * each newline; "no" writes at once).
 *
 * Invariant: at most one of the two buffers holds data.
 *  - The read buffer `rbuf[rpos..]` holds bytes read from the host ahead of the stream's
 *    position (the host's position is just after them).
 *  - The write buffer `wparts` holds bytes written to the stream but not yet to the host
 *    (the host's position is just before them).
 * Switching direction first empties the other buffer: pending writes are flushed; unread
 * read-ahead is given back with a seek (when the host can seek).
 *
 * Errors follow C: a read that fails sets `err` (ferror), which the io library turns into
 * `nil, message, errno`; `clearError` is called at the start of every read (clearerr).
 */
import type { ExecResult, OsError } from './os.js';
import { EBADF, ESPIPE, isOsError } from './io-host.js';
import type { BufferMode, HostFile, Whence } from './io-host.js';

/** Size of a read-ahead request and the default write buffer (glibc's st_blksize). */
export const BUFSIZ = 4096;
/** Largest single read asked from a host (big reads are split). */
const MAXREAD = 1 << 20;

export const STREAM_FILE = 0;
export const STREAM_POPEN = 1;
/** io.stdin, io.stdout, io.stderr: cannot be closed */
export const STREAM_STD = 2;

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
  /** STREAM_FILE, STREAM_POPEN or STREAM_STD */
  readonly kind: number;
  /** read-ahead: rbuf[rpos..] not yet consumed */
  rbuf: string;
  rpos: number;
  /** pending writes and their total length */
  wparts: string[];
  wsize: number;
  bufMode: BufferMode;
  bufSize: number;
  /** error of the last read (ferror), null if none */
  err: OsError | null;

  constructor(host: HostFile, readable: boolean, writable: boolean, kind: number) {
    this.host = host;
    this.readable = readable;
    this.writable = writable;
    this.kind = kind;
    this.rbuf = '';
    this.rpos = 0;
    this.wparts = [];
    this.wsize = 0;
    this.bufMode = 'full';
    this.bufSize = BUFSIZ;
    this.err = null;
  }

  get closed(): boolean {
    return this.host === null;
  }

  clearError(): void {
    this.err = null;
  }

  // -------------------------------------------------------------------------------------
  // reading

  /**
   * Bytes from the host for a read, after the checks every read makes (readable, pending
   * writes flushed). Null at end of file or on error (then `err` is set).
   */
  private hostRead(n: number): string | null {
    const h = this.host!;
    if (!this.readable) {
      this.err = EBADF;
      return null;
    }
    if (this.wsize > 0) {
      const e = this.flushWrites();
      if (e !== null) {
        this.err = e;
        return null;
      }
    }
    const r = h.read(n > MAXREAD ? MAXREAD : n);
    if (typeof r !== 'string') {
      this.err = r;
      return null;
    }
    return r === '' ? null : r;
  }

  /** Refill the (empty) read buffer; false at end of file or on error. */
  private fill(): boolean {
    const r = this.hostRead(BUFSIZ);
    if (r === null) return false;
    this.rbuf = r;
    this.rpos = 0;
    return true;
  }

  /** Next byte, or -1 at end of file (or error). */
  getc(): number {
    if (this.rpos >= this.rbuf.length && !this.fill()) return -1;
    return this.rbuf.charCodeAt(this.rpos++);
  }

  /** Give back the byte the last getc returned (only right after a successful getc). */
  ungetc(): void {
    this.rpos--;
  }

  /** read(0): true when nothing is left to read (end of file or error). */
  atEof(): boolean {
    return this.rpos >= this.rbuf.length && !this.fill();
  }

  /**
   * Read a line: the bytes up to the next newline (kept when `keepNewline`). Null when the
   * end of file comes before any byte.
   */
  readLine(keepNewline: boolean): string | null {
    let acc = '';
    for (;;) {
      if (this.rpos >= this.rbuf.length && !this.fill()) return acc.length > 0 ? acc : null;
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

  /** Read up to n bytes (fewer at end of file). */
  readChars(n: number): string {
    let acc = '';
    while (acc.length < n) {
      const avail = this.rbuf.length - this.rpos;
      if (avail > 0) {
        const take = Math.min(avail, n - acc.length);
        acc += this.rbuf.slice(this.rpos, this.rpos + take);
        this.rpos += take;
        continue;
      }
      const want = n - acc.length;
      if (want >= BUFSIZ) {
        // large reads bypass the buffer
        const r = this.hostRead(want);
        if (r === null) break;
        acc += r;
      } else if (!this.fill()) {
        break;
      }
    }
    return acc;
  }

  /** Read everything up to the end of file. */
  readAll(): string {
    let acc = '';
    if (this.rpos < this.rbuf.length) acc = this.rbuf.slice(this.rpos);
    this.rbuf = '';
    this.rpos = 0;
    for (;;) {
      const r = this.hostRead(MAXREAD);
      if (r === null) return acc;
      acc += r;
    }
  }

  /**
   * read("n"): skip whitespace and read the longest prefix that can start a numeral
   * (optional sign, "0x", digits, one point, an exponent with its sign), at most
   * MAXLENNUM bytes; the byte that ends it is left unread. Returns the text read, or null
   * when it ran past MAXLENNUM (the bytes read so far are consumed either way). The caller
   * converts it (an invalid numeral fails).
   */
  readNumeral(): string | null {
    let buf = '';
    let overflow = false;
    let c = this.getc();
    while (isSpace(c)) c = this.getc();
    // take the current byte if it is one of a, b; next byte
    const accept = (a: number, b: number): boolean => {
      if (c !== a && c !== b) return false;
      if (buf.length >= MAXLENNUM) {
        overflow = true;
        return false;
      }
      buf += String.fromCharCode(c);
      c = this.getc();
      return true;
    };
    const digits = (hex: boolean): number => {
      let n = 0;
      while ((hex ? isHexDigit(c) : isDigit(c)) && !overflow) {
        if (buf.length >= MAXLENNUM) {
          overflow = true;
          break;
        }
        buf += String.fromCharCode(c);
        c = this.getc();
        n++;
      }
      return n;
    };
    accept(45, 43); // '-' '+'
    let count = 0;
    let hex = false;
    if (accept(48, 48)) { // '0'
      if (accept(120, 88)) hex = true; // 'x' 'X'
      else count = 1;
    }
    count += digits(hex);
    if (accept(46, 46)) count += digits(hex); // '.'
    if (count > 0 && (hex ? accept(112, 80) : accept(101, 69))) { // 'p' 'P' / 'e' 'E'
      accept(45, 43);
      digits(false);
    }
    if (c !== -1) this.ungetc();
    return overflow ? null : buf;
  }

  // -------------------------------------------------------------------------------------
  // writing

  /** Give unread read-ahead back to the host before writing or seeking. */
  private dropReadAhead(): void {
    const unread = this.rbuf.length - this.rpos;
    if (unread > 0 && this.host !== null && this.host.seek) this.host.seek('cur', -unread);
    this.rbuf = '';
    this.rpos = 0;
  }

  /** Send pending writes to the host. */
  private flushWrites(): OsError | null {
    if (this.wsize === 0) return null;
    const data = this.wparts.length === 1 ? this.wparts[0] : this.wparts.join('');
    this.wparts = [];
    this.wsize = 0;
    return this.host!.write(data);
  }

  /** Write bytes, buffered as the stream's mode says. */
  write(s: string): OsError | null {
    if (s.length === 0) return null;
    if (!this.writable) return EBADF;
    const h = this.host!;
    if (this.rpos < this.rbuf.length || this.rbuf.length > 0) this.dropReadAhead();
    if (h.setvbuf) return h.write(s); // the host buffers
    switch (this.bufMode) {
      case 'no': {
        const e = this.flushWrites();
        return e !== null ? e : h.write(s);
      }
      case 'line':
        this.wparts.push(s);
        this.wsize += s.length;
        return s.indexOf('\n') >= 0 ? this.flushWrites() : null;
      default: {
        if (this.wsize + s.length <= this.bufSize) {
          this.wparts.push(s);
          this.wsize += s.length;
          return null;
        }
        const e = this.flushWrites();
        if (e !== null) return e;
        if (s.length >= this.bufSize) return h.write(s);
        this.wparts.push(s);
        this.wsize = s.length;
        return null;
      }
    }
  }

  flush(): OsError | null {
    const e = this.flushWrites();
    if (e !== null) return e;
    const h = this.host!;
    return h.flush ? h.flush() : null;
  }

  setvbuf(mode: BufferMode, size: number): void {
    const h = this.host!;
    this.flushWrites();
    this.bufMode = mode;
    this.bufSize = size > 0 ? size : BUFSIZ;
    if (h.setvbuf) h.setvbuf(mode, size);
  }

  /** Move the position (pending writes flushed, read-ahead dropped); the new position. */
  seek(whence: Whence, offset: number): number | OsError {
    const h = this.host!;
    const e = this.flushWrites();
    if (e !== null) return e;
    if (!h.seek) return ESPIPE;
    const unread = this.rbuf.length - this.rpos;
    const r = h.seek(whence, whence === 'cur' ? offset - unread : offset);
    if (isOsError(r)) return r;
    this.rbuf = '';
    this.rpos = 0;
    return r;
  }

  /** Flush and release the host file; the stream is closed afterwards whatever happens. */
  close(): OsError | ExecResult | null {
    const h = this.host!;
    const e = this.flushWrites();
    this.host = null;
    this.rbuf = '';
    this.rpos = 0;
    const r = h.close();
    return e !== null ? e : r;
  }
}
