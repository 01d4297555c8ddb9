import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  maxPhotosPerCase,
  type PhotoContentType,
  type PhotoUpload,
  photoContentTypes,
  photoMaxBytes,
} from '../../shared/schemas/photo';
import { tc } from '../i18n/cases';
import { tp } from '../i18n/privacy';
import { call, messageOf } from '../services/api';
import { openPrivacyPolicy, privacyAgreed } from '../services/privacy';
import { FieldError } from './state';

/** A photo already in storage, as a draft keeps it: its id for the case, and something to show it by. */
export interface DraftPhoto {
  photoId: string;
  contentType: string;
  /** Where this phone has it (a blob: URL on H5, a temp file in the mini-program): gone after a restart. */
  path: string;
  /** A small JPEG data URL (H5), so a restored draft still shows the photo. */
  thumb?: string;
  uploadedAt: string;
}

/** What the photos are doing, for the form: it must not be sent while one is on its way, or with one that failed unnoticed. */
export type PhotosState = 'idle' | 'busy' | 'failed';

interface Pending {
  localId: string;
  path: string;
  size: number;
  type?: string;
  status: 'waiting' | 'sending' | 'failed';
  error?: string;
  /** A photo that can never be sent (too large, not an image): retrying does not help. */
  final?: boolean;
}

/** The bytes to send, their type and size as the pre-signed URL will sign them. */
interface Bytes {
  data: Blob | ArrayBuffer;
  contentType: PhotoContentType;
  size: number;
  thumb?: string;
}

class PhotoProblem extends Error {
  constructor(
    message: string,
    readonly final = true,
  ) {
    super(message);
  }
}

const allowed = (type?: string): type is PhotoContentType =>
  (photoContentTypes as readonly string[]).includes(type ?? '');
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The mini-program gives no type: it is read from the temp file's extension. */
const typeFromPath = (path: string): string | undefined => {
  const ext = path.split('?')[0].split('.').pop()?.toLowerCase();
  return ext === 'jpg' || ext === 'jpeg'
    ? 'image/jpeg'
    : ext === 'png'
      ? 'image/png'
      : ext === 'webp'
        ? 'image/webp'
        : ext;
};

/* ---------- H5: a browser's file, read with fetch, redrawn when too large or of another type ---------- */

const loadImage = (url: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new window.Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = url;
  });

/** The picture redrawn as a JPEG no larger than `maxSide` pixels a side. */
async function redraw(url: string, maxSide: number): Promise<HTMLCanvasElement> {
  const img = await loadImage(url);
  const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = '#fff'; // a transparent PNG becomes white, not black
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas;
}

const jpegOf = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

async function bytesH5(p: Pending): Promise<Bytes> {
  let blob: Blob;
  try {
    blob = await (await fetch(p.path)).blob();
  } catch {
    throw new PhotoProblem(tc.photos.unreadable);
  }
  const type = p.type || blob.type;
  const thumb = await redraw(p.path, 200)
    .then((c) => c.toDataURL('image/jpeg', 0.7))
    .catch(() => undefined);
  if (allowed(type) && blob.size <= photoMaxBytes) return { data: blob, contentType: type, size: blob.size, thumb };
  // A photo straight from a phone's camera is often over 5 MB, or HEIC: redrawn smaller as a JPEG if the browser can.
  const smaller = await redraw(p.path, 2048)
    .then((c) => jpegOf(c, 0.85))
    .catch(() => null);
  if (smaller && smaller.size > 0 && smaller.size <= photoMaxBytes)
    return { data: smaller, contentType: 'image/jpeg', size: smaller.size, thumb };
  throw new PhotoProblem(allowed(type) ? tc.photos.tooLarge(megabytes(blob.size)) : tc.photos.wrongType);
}

async function putH5(upload: PhotoUpload, bytes: Bytes) {
  const res = await fetch(upload.uploadUrl, {
    method: upload.method,
    headers: upload.headers,
    body: bytes.data as Blob,
  });
  if (!res.ok) throw new PhotoProblem(tc.photos.storageRefused, false);
}

/* ---------- the mini-program: a temp file, read with the file system manager ---------- */

const readFile = (filePath: string) =>
  new Promise<ArrayBuffer>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: reject,
    }),
  );

async function bytesWeapp(p: Pending): Promise<Bytes> {
  const type = p.type || typeFromPath(p.path);
  if (!allowed(type)) throw new PhotoProblem(tc.photos.wrongType);
  let data = await readFile(p.path).catch(() => {
    throw new PhotoProblem(tc.photos.unreadable);
  });
  let contentType: PhotoContentType = type;
  if (data.byteLength > photoMaxBytes) {
    // Chosen "compressed" already; a very large one is compressed once more before giving up.
    const smaller = await Taro.compressImage({ src: p.path, quality: 60 }).catch(() => undefined);
    const again = smaller && (await readFile(smaller.tempFilePath).catch(() => undefined));
    if (!again || again.byteLength > photoMaxBytes)
      throw new PhotoProblem(tc.photos.tooLarge(megabytes(data.byteLength)));
    data = again;
    contentType = allowed(typeFromPath(smaller.tempFilePath))
      ? (typeFromPath(smaller.tempFilePath) as PhotoContentType)
      : 'image/jpeg';
  }
  return { data, contentType, size: data.byteLength };
}

async function putWeapp(upload: PhotoUpload, bytes: Bytes) {
  const res = await Taro.request({
    url: upload.uploadUrl,
    method: upload.method,
    header: upload.headers,
    data: bytes.data,
    responseType: 'text',
    timeout: 60_000,
  }).catch(() => {
    throw new PhotoProblem(tc.photos.storageRefused, false);
  });
  if (res.statusCode < 200 || res.statusCode >= 300) throw new PhotoProblem(tc.photos.storageRefused, false);
}

/**
 * Sends one photo: asks the API for a pre-signed PUT (its type and size), then PUTs
 * the bytes straight to storage, never through a function.
 */
async function sendPhoto(p: Pending): Promise<DraftPhoto> {
  const h5 = process.env.TARO_ENV === 'h5';
  const bytes = h5 ? await bytesH5(p) : await bytesWeapp(p);
  const upload = await call('requestPhotoUpload', { body: { contentType: bytes.contentType, size: bytes.size } });
  if (h5) await putH5(upload, bytes);
  else await putWeapp(upload, bytes);
  return {
    photoId: upload.photoId,
    contentType: bytes.contentType,
    path: p.path,
    thumb: bytes.thumb,
    uploadedAt: new Date().toISOString(),
  };
}

let localIds = 0;
const TILE = { width: '104px', height: '104px', borderRadius: '8px', background: '#eee' };

/** One photo's square: the picture, or a word when this phone can no longer show it. */
function Tile({ src, children, id, onTap }: { src?: string; children?: ReactNode; id?: string; onTap?: () => void }) {
  const [broken, setBroken] = useState(false);
  return (
    <View id={id} className="vh-case-photo" style={{ width: '104px', margin: '0 8px 8px 0' }}>
      {src && !broken ? (
        <Image src={src} mode="aspectFill" style={TILE} onError={() => setBroken(true)} onClick={onTap} />
      ) : (
        <View style={{ ...TILE, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Text className="vh-meta">{tc.photos.noPreview}</Text>
        </View>
      )}
      {children}
    </View>
  );
}

/**
 * Up to six photos for a case: chosen with the phone's picker, each sent at once
 * (one at a time, for a weak network) and shown with where it stands; a photo that
 * is too large or not a picture says so in plain words. Sent photos are handed to
 * the form (which keeps them in its draft); those still on their way stay here.
 */
export function CasePhotos({
  photos,
  onAdd,
  onRemove,
  onState,
  error,
}: {
  photos: DraftPhoto[];
  onAdd: (photo: DraftPhoto) => void;
  onRemove: (photoId: string) => void;
  onState?: (state: PhotosState) => void;
  error?: string;
}) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [progress, setProgress] = useState<{ n: number; total: number }>();
  const [unreadable, setUnreadable] = useState(false);
  const [declined, setDeclined] = useState(false);
  const queue = useRef<Pending[]>([]);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const state: PhotosState = pending.some((p) => p.status !== 'failed') ? 'busy' : pending.length ? 'failed' : 'idle';
  const report = useRef(onState);
  report.current = onState;
  const add = useRef(onAdd);
  add.current = onAdd;
  /** Photos sent while this page is open: their blob or temp file can still be shown full size. */
  const fresh = useRef(new Set<string>());
  useEffect(() => report.current?.(state), [state]);

  const patch = (localId: string, change: Partial<Pending> | null) =>
    setPending((all) =>
      change === null
        ? all.filter((p) => p.localId !== localId)
        : all.map((p) => (p.localId === localId ? { ...p, ...change } : p)),
    );

  /** Works through the queue one photo at a time; photos added meanwhile join the same run. */
  const run = async () => {
    if (running.current) return;
    running.current = true;
    let n = 0;
    while (queue.current.length && mounted.current) {
      const p = queue.current.shift()!;
      n++;
      setProgress({ n, total: n + queue.current.length });
      patch(p.localId, { status: 'sending', error: undefined });
      try {
        const done = await sendPhoto(p);
        if (!mounted.current) break;
        fresh.current.add(done.photoId);
        patch(p.localId, null);
        add.current(done);
      } catch (e) {
        patch(p.localId, {
          status: 'failed',
          error: messageOf(e),
          final: e instanceof PhotoProblem && e.final,
        });
      }
    }
    running.current = false;
    setProgress(undefined);
  };

  const room = maxPhotosPerCase - photos.length - pending.length;
  const choose = async () => {
    if (room <= 0) return;
    const agreed = await privacyAgreed();
    setDeclined(!agreed);
    if (!agreed) return;
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // the picker was closed
    }
    // H5 drops a file the browser cannot draw (not a picture, or HEIC): nothing comes back but the choice was made.
    setUnreadable(chosen.tempFiles.length === 0);
    const added = chosen.tempFiles
      .slice(0, room)
      .map(
        (f): Pending => ({ localId: `p${++localIds}`, path: f.path, size: f.size, type: f.type, status: 'waiting' }),
      );
    setPending((all) => [...all, ...added]);
    queue.current.push(...added);
    run();
  };
  const retry = (p: Pending) => {
    patch(p.localId, { status: 'waiting', error: undefined });
    queue.current.push(p);
    run();
  };
  /** Full size while this phone still has the file; a restored draft only has the small copy. */
  const big = (p: DraftPhoto) => (fresh.current.has(p.photoId) || !p.thumb ? p.path : p.thumb);
  const preview = (p: DraftPhoto) =>
    Taro.previewImage({ current: big(p), urls: photos.map(big) }).catch(() => undefined);

  return (
    <View id="case-photos">
      <View style={{ display: 'flex', flexWrap: 'wrap' }}>
        {photos.map((p, i) => (
          <Tile key={p.photoId} id={`case-photo-${i}`} src={p.thumb ?? p.path} onTap={() => preview(p)}>
            <View className="vh-meta">{tc.photos.done}</View>
            <Button
              id={`remove-photo-${i}`}
              className="vh-button vh-button-plain vh-button-small"
              style={{ width: '104px', margin: '2px 0' }}
              onClick={() => onRemove(p.photoId)}
            >
              {tc.photos.remove}
            </Button>
          </Tile>
        ))}
        {pending.map((p) => (
          <Tile key={p.localId} src={p.path} id={`pending-photo-${p.localId}`}>
            <View className={p.status === 'failed' ? 'vh-field-error' : 'vh-meta'}>
              {p.status === 'failed'
                ? tc.photos.failed
                : p.status === 'sending'
                  ? tc.photos.sending
                  : tc.photos.waiting}
            </View>
            {p.status === 'failed' && (
              <>
                {!p.final && (
                  <Button
                    className="vh-button vh-button-plain vh-button-small"
                    style={{ width: '104px', margin: '2px 0' }}
                    onClick={() => retry(p)}
                  >
                    {tc.photos.retry}
                  </Button>
                )}
                <Button
                  className="vh-button vh-button-plain vh-button-small"
                  style={{ width: '104px', margin: '2px 0' }}
                  onClick={() => patch(p.localId, null)}
                >
                  {tc.photos.remove}
                </Button>
              </>
            )}
          </Tile>
        ))}
      </View>
      {progress && (
        <View className="vh-hint" id="photo-progress">
          {tc.photos.uploading(progress.n, progress.total)}
        </View>
      )}
      {unreadable && <View className="vh-field-error photo-error">{tc.photos.wrongType}</View>}
      {declined && (
        <View className="vh-hint" id="photo-privacy-declined">
          {tp.declinedPhotos}
          <Text className="vh-link" onClick={openPrivacyPolicy}>
            {tp.readPolicy}
          </Text>
        </View>
      )}
      {pending
        .filter((p) => p.status === 'failed' && p.error)
        .map((p) => (
          <View key={p.localId} className="vh-field-error photo-error">
            {p.error}
          </View>
        ))}
      {room > 0 ? (
        <Button id="add-photo" className="vh-button vh-button-plain" onClick={choose}>
          {tc.photos.add}
        </Button>
      ) : (
        <View className="vh-hint">{tc.photos.full}</View>
      )}
      <FieldError message={error} />
    </View>
  );
}
