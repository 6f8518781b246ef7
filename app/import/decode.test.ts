import { describe, expect, it } from 'vitest';
import { decodePage } from './decode.js';
import { iconvEncode } from '../../test/helpers.js';

const SIMPLIFIED = '本报讯 记者报道 营口今年水稻产量预计实现42万吨，其中最高单产达到900公斤。\n';
const TRADITIONAL = '本報訊 記者報道 這座城市的古樹名木得到保護，並建立了檔案。\n';

function expectText(bytes: Uint8Array, text: string, encoding: string) {
  const result = decodePage(bytes);
  expect(result).toEqual({ ok: true, text, encoding, replacements: 0 });
}

describe('decoding a page', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expectText(Buffer.from(SIMPLIFIED, 'utf8'), SIMPLIFIED, 'utf-8');
    expectText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]), SIMPLIFIED, 'utf-8-bom');
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expectText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconvEncode(SIMPLIFIED, 'UTF-16LE')]), SIMPLIFIED, 'utf-16le');
    expectText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconvEncode(SIMPLIFIED, 'UTF-16BE')]), SIMPLIFIED, 'utf-16be');
  });

  it('detects GB18030 and Big5', () => {
    expectText(iconvEncode(SIMPLIFIED.repeat(3), 'GB18030'), SIMPLIFIED.repeat(3), 'gb18030');
    expectText(iconvEncode(TRADITIONAL.repeat(3), 'BIG5'), TRADITIONAL.repeat(3), 'big5');
  });

  it('rejects an empty file and one of only white space', () => {
    expect(decodePage(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decodePage(Buffer.from(' \n\t\r\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
  });

  it('rejects binary content', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodePage(png)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    const controls = Buffer.from('text\u0001\u0002\u0003\u0004\u0005\u0006more');
    expect(decodePage(controls)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
  });

  it('tolerates a single stray control character in a long page', () => {
    const page = `${SIMPLIFIED.repeat(5)}\u001a`;
    expect(decodePage(Buffer.from(page))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('rejects truncated UTF-16', () => {
    const full = Buffer.concat([Buffer.from([0xff, 0xfe]), iconvEncode(SIMPLIFIED, 'UTF-16LE')]);
    expect(decodePage(full.subarray(0, full.length - 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated UTF-16LE/) });
  });

  it('rejects UTF-16 with an unpaired surrogate unless replacement is allowed, and counts it', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), iconvEncode('营口', 'UTF-16LE'), Buffer.from([0x00, 0xd8]), iconvEncode('港', 'UTF-16LE')]);
    expect(decodePage(body)).toMatchObject({ ok: false, reason: expect.stringMatching(/undecodable bytes: 1 characters/) });
    expect(decodePage(body, { allowReplacement: true })).toEqual({ ok: true, text: '营口\uFFFD港', encoding: 'utf-16le', replacements: 1 });
  });

  it('rejects a broken UTF-8 file after a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED), Buffer.from([0xe8, 0x90])]);
    expect(decodePage(bytes)).toMatchObject({ ok: false, reason: expect.stringMatching(/invalid UTF-8/) });
  });

  it('rejects text in an encoding it does not read, naming the guess', () => {
    const latin = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu, na\xefve fa\xe7ade. '.repeat(10), 'latin1');
    expect(decodePage(latin)).toMatchObject({ ok: false, reason: expect.stringMatching(/not UTF-8, UTF-16, GB18030 or Big5/) });
  });
});
