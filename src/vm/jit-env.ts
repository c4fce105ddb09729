/**
 * Where the compiling tier (src/vm/jit.ts) may run: it creates code with `new Function`,
 * which a Content Security Policy without 'unsafe-eval' forbids. Probed once per process;
 * a VM created afterwards starts with `jitEnabled` set to the answer.
 */

let available: boolean | null = null;

/** True when `new Function` works here. */
export function jitAvailable(): boolean {
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
