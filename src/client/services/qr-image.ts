/**
 * The mini-program draws no QR for signing in elsewhere: it is the phone that
 * scans. Taro picks qr-image.h5.ts for H5, so the QR library (and the TextEncoder
 * it needs, which WeChat lacks) never enters the mini-program's package.
 */
export const qrImage = async (_text: string): Promise<string> => '';
