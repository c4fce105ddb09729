// Error handling: syntax errors with line and column, runtime errors with a Lua traceback,
// and host exceptions that Lua code can catch with pcall.
//   npx tsx examples/error-handling.ts
import { LuaEngine, LuaRuntimeError, LuaSyntaxError } from 'moonbox';

const engine = new LuaEngine();

// 1. Source that does not compile: LuaSyntaxError, with the line and column.
try {
  engine.compile('local total = 0\nfor i = 1, 10 do\n  total = total + i\nprint(total)\n', '=sum.lua');
} catch (e) {
  if (e instanceof LuaSyntaxError) {
    console.log(`syntax error in ${e.chunkname} at line ${e.line}, column ${e.column}`);
    console.log(`  ${e.message}`);
  }
}
// validate() gives the same error without throwing (null when the source is fine)
console.log(`validate: ${engine.validate('x = = 1', '=inline')?.message}`);

// 2. A Lua error that reaches the host: LuaRuntimeError, with the Lua traceback.
engine.runSync(`
local function parse(s)
  local n = tonumber(s)
  if not n then error("not a number: " .. s) end
  return n
end

function total(list)
  local sum = 0
  for _, s in ipairs(list) do sum = sum + parse(s) end
  return sum
end
`, { chunkname: '=orders.lua' });

console.log(`total: ${engine.call('total', ['1', '2', '3'])}`);
try {
  engine.call('total', ['1', 'two']);
} catch (e) {
  if (e instanceof LuaRuntimeError) {
    console.log(`runtime error in ${e.chunkname} at line ${e.line}: ${e.message}`);
    console.log(e.luaTraceback);
  }
}

// error() with a table: the converted value is on the error
try {
  engine.runSync('error({ code = 404, reason = "no such order" })');
} catch (e) {
  if (e instanceof LuaRuntimeError) console.log(`error value: ${JSON.stringify(e.value)}`);
}

// 3. A host function that throws: Lua sees a Lua error (pcall catches it, tostring and
// .name/.message read it); uncaught, the host gets its own Error object back.
engine.setGlobal('fetchUser', (id: number) => {
  if (id !== 1) throw new RangeError(`no user with id ${id}`);
  return { id, name: 'ada' };
});
engine.runSync(`
local ok, err = pcall(fetchUser, 7)
print("pcall:", ok, err)
print("fields:", err.name, err.message)
print("user 1:", fetchUser(1).name)
`, { chunkname: '=users.lua' });

try {
  engine.runSync('local user = fetchUser(42)\nprint(user.name)', { chunkname: '=lookup.lua' });
} catch (e) {
  const err = e as RangeError & { luaTraceback?: string };
  console.log(`host got back its ${err.name} (same class: ${err instanceof RangeError}): ${err.message}`);
  console.log(err.luaTraceback);
}

engine.close();
