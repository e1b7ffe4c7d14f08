// Plain base64 without atob/Buffer so the engine stays free of host APIs.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    chunk += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
    if (chunk.length >= 65536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const v = (bytes[i] << 16) | ((i + 1 < n ? bytes[i + 1] : 0) << 8);
    chunk += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
    chunk += i + 1 < n ? ALPHABET[(v >> 6) & 63] : '=';
    chunk += '=';
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes 4 characters per step while the input is clean; falls back to a checked loop for errors. */
export function decodeBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  const L = LOOKUP;
  let o = 0;
  let i = 0;
  const full = len & ~3;
  for (; i < full; i += 4) {
    const a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2), d = text.charCodeAt(i + 3);
    const va = a < 128 ? L[a] : -1, vb = b < 128 ? L[b] : -1, vc = c < 128 ? L[c] : -1, vd = d < 128 ? L[d] : -1;
    if ((va | vb | vc | vd) < 0) break;
    const v = (va << 18) | (vb << 12) | (vc << 6) | vd;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  let acc = 0;
  let bits = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? L[c] : -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
