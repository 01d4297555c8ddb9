/**
 * A ballot receipt (回执, "投票凭证") an old person can copy from the screen onto
 * paper and read back: Crockford base32 (no I, L, O or U to confuse with 1, 1,
 * 0 and V), 80 bits (unguessable: far past the 60 the brief asks), in four
 * groups of four: 7KQ2-9XMD-4RTA-0WZE.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_BYTES = 10;

/** The receipt for 10 bytes (of a keyed hash, or random). */
export function receiptOf(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes.subarray(0, RECEIPT_BYTES)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/**
 * A receipt as someone typed it back, in its one written form, or undefined if it
 * can't be one: case, spaces and dashes don't matter, and the look-alikes are
 * read as Crockford says (I and L as 1, O as 0).
 */
export function readReceipt(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return undefined;
  return plain.match(/.{4}/g)?.join('-');
}
