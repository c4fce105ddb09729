import { describe, expect, it } from 'vitest';
import { toJS, toLua, toLuaString, fromLuaString } from '../../../src/engine/convert.js';
import { createState, runText } from '../../../src/engine/runtime.js';

describe('strings', () => {
  it('JS strings become their UTF-8 bytes in Lua (#"é" is 2)', () => {
    const vm = createState();
    vm.globals.setStr('s', toLua('héllo €𝄞'));
    const r = runText(vm, 'return #s, s:byte(2, 3), s:upper()', '=t').map((v) => toJS(v));
    expect(r).toEqual([14, 0xc3, 'HéLLO €𝄞']); // a call in the middle of a list gives one value
  });

  it('Lua strings decode as UTF-8 both ways, round trip exact', () => {
    for (const s of ['', 'ascii', 'héllo', '日本語', '𝄞 emoji 🎉', 'a\0b']) {
      expect(fromLuaString(toLuaString(s))).toBe(s);
    }
    expect(toJS(runText(createState(), 'return "\\u{65E5}\\u{672C}"', '=t')[0])).toBe('日本');
  });

  it('invalid UTF-8 from Lua decodes with U+FFFD, or as bytes when asked', () => {
    const [v] = runText(createState(), 'return "a\\xff\\xfeb"', '=t');
    expect(toJS(v)).toBe('a\uFFFD\uFFFDb');
    expect(toJS(v, { bytes: true })).toEqual(new Uint8Array([0x61, 0xff, 0xfe, 0x62]));
  });

  it('Uint8Array becomes a byte string', () => {
    const vm = createState();
    vm.globals.setStr('b', toLua(new Uint8Array([0, 255, 65])));
    expect(runText(vm, 'return #b, b:byte(1, -1)', '=t')).toEqual([3, 0, 255, 65]);
  });
});
