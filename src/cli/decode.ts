// Bytes → text for the CLI: BOM sniffing, <meta charset> for HTML, strict UTF-8 otherwise.
import iconv from 'iconv-lite';

export class InputError extends Error {}

const GB = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|windows-936|hz-gb-2312)$/i;

/** Charset declared in the first bytes of an HTML page (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function decode(bytes: Uint8Array, kind: 'text' | 'html'): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const s = strictUtf8(bytes.subarray(3));
    if (s === null) throw new InputError('invalid UTF-8 after a UTF-8 byte-order mark');
    return s;
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return iconv.decode(Buffer.from(bytes), bytes[0] === 0xff ? 'utf16le' : 'utf16be');
  }
  if (bytes.includes(0)) throw new InputError('binary file (contains NUL bytes)');
  if (kind === 'html') {
    const cs = declaredCharset(bytes);
    if (cs && GB.test(cs)) return iconv.decode(Buffer.from(bytes), 'gb18030');
    if (cs && cs !== 'utf-8' && cs !== 'utf8') {
      if (!iconv.encodingExists(cs)) throw new InputError(`unsupported encoding "${cs}"`);
      return iconv.decode(Buffer.from(bytes), cs);
    }
    const s = strictUtf8(bytes);
    if (s !== null) return s;
    if (cs) throw new InputError('page declares UTF-8 but is not valid UTF-8');
    // undeclared and not UTF-8: Chinese pages of that kind are GBK
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
  const s = strictUtf8(bytes);
  if (s === null) throw new InputError('not valid UTF-8 text (binary or another encoding)');
  return s;
}
