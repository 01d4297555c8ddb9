import QRCode from 'qrcode';
import type { SharedItem } from '../../shared/links';
import { h5LinkOf } from '../components/share';

/** The H5 site's poster code: a plain QR code of the page's link, drawn in the browser. */
export async function codeImage(item: SharedItem): Promise<string> {
  // M: still reads with a fold or a smudge on a notice board; the margin is the quiet zone a scanner needs.
  return QRCode.toDataURL(h5LinkOf(item), { errorCorrectionLevel: 'M', margin: 4, width: 480 });
}
