/** A string's UTF-16 code units. Hot per-character loops read these: indexed loads beat charCodeAt. */
export function codeUnits(text: string): Uint16Array {
  const u = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) u[i] = text.charCodeAt(i);
  return u;
}

/** `given` when it holds `text`'s code units (a caller's Prepared.units), else a fresh copy. */
export function unitsOf(text: string, given?: Uint16Array): Uint16Array {
  return given !== undefined && given.length === text.length ? given : codeUnits(text);
}
