// Config scripting: a Lua file evaluated into a typed, validated JS object.
//   npx tsx examples/config-scripting.ts
import { readFileSync } from 'node:fs';
import { LuaEngine, LuaRuntimeError } from 'moonbox';

interface Mirror {
  url: string;
  weight: number;
}

interface AppConfig {
  name: string;
  port: number;
  debug: boolean;
  workers: number;
  mirrors: Mirror[];
  limits: { maxUploadBytes: number; timeoutMs: number };
}

/** Runs a config script in a fresh engine and checks what it returned against AppConfig. */
function loadConfig(source: string, chunkname: string, env: Record<string, string>): AppConfig {
  const engine = new LuaEngine();
  try {
    engine.set('defaults', { port: 8080, cpus: 8 });
    engine.setGlobal('env', (name: string) => env[name], { params: ['string'] });
    const { values } = engine.runSync(source, { chunkname: `@${chunkname}` });
    return validate(values[0]);
  } finally {
    engine.close();
  }
}

// Lua values arrive as plain JS values (tables with keys 1..n as arrays, others as
// objects); the config's type is checked here, once, at the boundary.
function validate(v: unknown): AppConfig {
  const obj = (x: unknown, path: string): Record<string, unknown> => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${path} must be a table`);
    return x as Record<string, unknown>;
  };
  const str = (x: unknown, path: string): string => {
    if (typeof x !== 'string') throw new Error(`${path} must be a string, got ${typeof x}`);
    return x;
  };
  const int = (x: unknown, path: string): number => {
    if (!Number.isInteger(x)) throw new Error(`${path} must be an integer, got ${typeof x}`);
    return x as number;
  };
  const list = (x: unknown, path: string): unknown[] => {
    if (!Array.isArray(x)) throw new Error(`${path} must be a list`);
    return x;
  };
  const c = obj(v, 'config');
  return {
    name: str(c.name, 'name'),
    port: int(c.port, 'port'),
    debug: c.debug === true,
    workers: int(c.workers, 'workers'),
    mirrors: list(c.mirrors, 'mirrors').map((m, i) => {
      const mm = obj(m, `mirrors[${i + 1}]`);
      return { url: str(mm.url, `mirrors[${i + 1}].url`), weight: int(mm.weight, `mirrors[${i + 1}].weight`) };
    }),
    limits: {
      maxUploadBytes: int(obj(c.limits, 'limits').maxUploadBytes, 'limits.maxUploadBytes'),
      timeoutMs: int(obj(c.limits, 'limits').timeoutMs, 'limits.timeoutMs'),
    },
  };
}

const source = readFileSync(new URL('./app.config.lua', import.meta.url), 'utf8');

const config: AppConfig = loadConfig(source, 'app.config.lua', { PORT: '9000', DEBUG: '1' });
console.log(`${config.name} listens on port ${config.port} with ${config.workers} workers`);
console.log(JSON.stringify(config, null, 2));

// a config with a wrong type is rejected by the validation...
try {
  loadConfig('return { name = "x", port = "eighty" }', 'bad.lua', {});
} catch (e) {
  console.log(`rejected: ${(e as Error).message}`);
}

// ...and one that fails while running reports where
try {
  loadConfig('return { name = "x", port = env(80) }', 'broken.lua', {});
} catch (e) {
  if (e instanceof LuaRuntimeError) console.log(`failed: ${e.message}`);
}
