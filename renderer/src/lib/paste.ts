/*
 * A block is one paragraph: pasted text that spans lines is joined into one line. Between two CJK
 * characters a line break is simply dropped (OCR wraps Chinese lines without spaces); elsewhere it
 * becomes one space.
 */

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

export function flattenPastedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]*\n+[ \t]*/g, (_match, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + _match.length] ?? '';
      if (before === '' || after === '') return '';
      return CJK.test(before) && CJK.test(after) ? '' : ' ';
    });
}
