/** The version of moonbox (kept equal to package.json's by test/cli/options.test.ts). */
export const VERSION = '0.1.0';
