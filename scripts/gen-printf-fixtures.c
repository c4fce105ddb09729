/* Oracle for test/util/printf-fixtures.json: runs the C library's printf.
 * Driven by scripts/gen-printf-fixtures.mjs. Reads one case per line:
 *   F <conv> <flags|_> <width> <precision> <16 hex digits: IEEE-754 bits>
 *   I <conv> <flags|_> <width> <precision> <signed 64-bit decimal>
 * flags: any of "-+#0" and 's' for the space flag; "_" when there are none.
 * width 0 = no width, precision -1 = no precision. Integer conversions
 * use the ll length modifier (as Lua's LUA_INTEGER_FMT does); %c gets (int)v.
 * Writes one line per case: the output bytes in hex ("" for empty output). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[1 << 16];

int main(void) {
  char kind[4], conv[4], flags[16], arg[64];
  int width, prec;
  while (scanf("%3s %3s %15s %d %d %63s", kind, conv, flags, &width, &prec, arg) == 6) {
    char fmt[64];
    int n = 0;
    if (strcmp(flags, "_") == 0) flags[0] = '\0';
    for (char *p = flags; *p; p++)
      if (*p == 's') *p = ' ';
    n += sprintf(fmt + n, "%%%s", flags);
    if (width > 0) n += sprintf(fmt + n, "%d", width);
    if (prec >= 0) n += sprintf(fmt + n, ".%d", prec);
    int len;
    if (kind[0] == 'F') {
      uint64_t bits = strtoull(arg, NULL, 16);
      double d;
      memcpy(&d, &bits, sizeof d);
      sprintf(fmt + n, "%s", conv);
      len = snprintf(out, sizeof out, fmt, d);
    } else {
      long long v = strtoll(arg, NULL, 10);
      if (conv[0] == 'c') {
        sprintf(fmt + n, "c");
        len = snprintf(out, sizeof out, fmt, (int)v);
      } else {
        sprintf(fmt + n, "ll%s", conv);
        len = snprintf(out, sizeof out, fmt, v);
      }
    }
    if (len < 0 || len >= (int)sizeof out) {
      fprintf(stderr, "output too long for %s\n", fmt);
      return 1;
    }
    for (int i = 0; i < len; i++) printf("%02x", (unsigned char)out[i]);
    putchar('\n');
  }
  return 0;
}
