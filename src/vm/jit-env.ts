/**
 * Where the compiling tier (src/vm/jit.ts) may run: it must be installed (enableTier), and it
 * creates code with `new Function`, which a Content Security Policy without 'unsafe-eval'
 * forbids. Probed once per process; a VM created afterwards starts with `jitEnabled` set to
 * the answer.
 */

let available: boolean | null = null;
let installed = false;

/** Called by enableTier (jit.ts). */
export function tierInstalled(): void {
  installed = true;
}

/** True when the tier is installed and `new Function` works here (probed only then). */
export function jitAvailable(): boolean {
  if (!installed) return false;
  if (available === null) {
    try {
      available = new Function('return 1')() === 1;
    } catch {
      available = false;
    }
  }
  return available;
}

/** Called when creating compiled code threw: no further attempts in this process. */
export function jitUnavailable(): void {
  available = false;
}
