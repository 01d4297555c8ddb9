import QRCode from 'qrcode';

/** A QR code of the text as an image, drawn in the browser (H5 only: see qr-image.ts). */
export const qrImage = (text: string): Promise<string> =>
  // M: reads from a screen at an angle; the margin is the quiet zone a scanner needs.
  QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 440 });
