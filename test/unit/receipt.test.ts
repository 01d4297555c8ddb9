import { randomBytes } from 'node:crypto';
import { readReceipt, receiptOf } from '../../src/shared/rules/receipt';

/** 回执: short groups a person can copy, with no look-alike characters, still unguessable. */
describe('ballot receipts', () => {
  it('are four groups of four from an alphabet without I, L, O or U', () => {
    for (let i = 0; i < 200; i++) {
      const r = receiptOf(randomBytes(10));
      expect(r).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    }
  });

  it('carry all 80 bits: different bytes, different receipts', () => {
    expect(receiptOf(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(receiptOf(Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const last = new Uint8Array(10);
    last[9] = 1;
    expect(receiptOf(last)).toBe('0000-0000-0000-0001');
    const seen = new Set(Array.from({ length: 2000 }, () => receiptOf(randomBytes(10))));
    expect(seen.size).toBe(2000);
  });

  it('read back as typed: any case, spaces or no dashes, look-alikes forgiven', () => {
    const r = receiptOf(randomBytes(10));
    expect(readReceipt(r)).toBe(r);
    expect(readReceipt(r.toLowerCase().replace(/-/g, ' '))).toBe(r);
    expect(readReceipt(r.replace(/-/g, ''))).toBe(r);
    expect(readReceipt('1OL1-0000-0000-0000')).toBe('1011-0000-0000-0000');
    expect(readReceipt('iolo 0000 0000 0000')).toBe('1010-0000-0000-0000');
  });

  it('refuse what cannot be a receipt', () => {
    for (const bad of ['', '1234', 'UUUU-0000-0000-0000', '0000-0000-0000-0000-0000', '我的回执']) {
      expect(readReceipt(bad)).toBeUndefined();
    }
  });
});
