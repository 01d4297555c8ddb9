import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  type Attachment,
  maxNoticeAttachments,
  type NoticeFileContentType,
  noticeFileContentTypes,
  noticeFileMaxBytes,
} from '../../shared/schemas/notice-file';
import { tf } from '../i18n/notice-files';
import { call, messageOf } from '../services/api';
import { privacyAgreed } from '../services/privacy';
import { TextField } from './field';
import { FieldError } from './state';

/** A file as the edit form keeps it: uploaded already, listed by the name the editor gives it. */
export type EditFile = Omit<Attachment, 'url'>;

/** A file chosen on this phone, not sent yet. */
interface Chosen {
  name: string;
  size: number;
  contentType?: string;
  read: () => Promise<Blob | ArrayBuffer>;
}

class FileProblem extends Error {}

const byExtension: Record<string, NoticeFileContentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};
const typeOf = (c: Chosen) => c.contentType || byExtension[c.name.split('.').pop()?.toLowerCase() ?? ''];
const allowed = (type?: string): type is NoticeFileContentType =>
  (noticeFileContentTypes as readonly string[]).includes(type ?? '');

/** H5: the browser's own file picker (a PDF is not something the image picker offers). */
const pickH5 = (accept: string, multiple: boolean) =>
  new Promise<Chosen[]>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    document.body.appendChild(input);
    input.onchange = () => {
      input.remove();
      resolve(
        Array.from(input.files ?? []).map((f) => ({
          name: f.name,
          size: f.size,
          contentType: f.type,
          read: async () => f,
        })),
      );
    };
    // Closing the picker chooses nothing (browsers that send no cancel leave one hidden input behind).
    input.oncancel = () => {
      input.remove();
      resolve([]);
    };
    input.click();
  });

const readFile = (filePath: string) =>
  new Promise<ArrayBuffer>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
  );

/** The mini-program: a file from a chat (how a PDF reaches a phone in WeChat), or a photo. */
async function pickWeapp(images: boolean, count: number): Promise<Chosen[]> {
  const r = await Taro.chooseMessageFile({
    count,
    type: images ? 'image' : 'all',
    extension: images ? undefined : Object.keys(byExtension),
  });
  return r.tempFiles.map((f) => ({ name: f.name, size: f.size, read: () => readFile(f.path) }));
}

/** Pictures only (a voucher), or PDFs and pictures (an attachment). Empty when the picker was closed. */
export async function pickNoticeFiles(images: boolean, count: number): Promise<Chosen[]> {
  if (!(await privacyAgreed())) return [];
  if (process.env.TARO_ENV === 'h5')
    return pickH5(
      images ? 'image/jpeg,image/png,image/webp' : 'application/pdf,image/jpeg,image/png,image/webp',
      count > 1,
    );
  return pickWeapp(images, count).catch(() => []);
}

/** Asks the API for a pre-signed PUT (type and size signed), then sends the bytes straight to storage. */
export async function uploadNoticeFile(c: Chosen): Promise<EditFile> {
  const contentType = typeOf(c);
  if (!allowed(contentType)) throw new FileProblem(tf.files.wrongType);
  if (c.size > noticeFileMaxBytes) throw new FileProblem(tf.files.tooLarge((c.size / 1024 / 1024).toFixed(1)));
  const upload = await call('requestNoticeFileUpload', {
    body: { fileName: c.name.slice(0, 80), contentType, size: c.size },
  });
  const data = await c.read();
  const ok =
    process.env.TARO_ENV === 'h5'
      ? (await fetch(upload.uploadUrl, { method: upload.method, headers: upload.headers, body: data as Blob })).ok
      : await Taro.request({
          url: upload.uploadUrl,
          method: upload.method,
          header: upload.headers,
          data,
          responseType: 'text',
          timeout: 120_000,
        }).then(
          (r) => r.statusCode >= 200 && r.statusCode < 300,
          () => false,
        );
  if (!ok) throw new FileProblem(tf.files.storageRefused);
  return { fileId: upload.fileId, name: c.name.slice(0, 80), contentType, size: c.size };
}

/**
 * A notice's files on the edit page: chosen, sent one at a time (a weak network),
 * each then listed with a name the editor may change. A file that failed says why.
 */
export function NoticeFilesEditor({
  files,
  onChange,
  errorAt,
  error,
}: {
  files: EditFile[];
  onChange: (files: EditFile[]) => void;
  errorAt: (i: number) => string | undefined;
  error?: string;
}) {
  const [sending, setSending] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const room = maxNoticeAttachments - files.length;
  const add = async () => {
    const chosen = (await pickNoticeFiles(false, room)).slice(0, room);
    const done: EditFile[] = [];
    const failed: string[] = [];
    for (const c of chosen) {
      setSending(tf.files.sending(c.name));
      try {
        done.push(await uploadNoticeFile(c));
      } catch (e) {
        failed.push(`${tf.files.failed(c.name)}：${messageOf(e)}`);
      }
    }
    setSending('');
    setProblems(failed);
    if (done.length) onChange([...files, ...done]);
  };
  return (
    <View id="notice-files">
      {files.map((f, i) => (
        <View key={f.fileId} className="vh-attachment-edit" id={`file-${i}`}>
          <TextField
            id={`file-name-${i}`}
            value={f.name}
            maxlength={80}
            error={errorAt(i)}
            onChange={(name) => onChange(files.map((g, k) => (k === i ? { ...g, name } : g)))}
          />
          <View className="vh-meta">
            {f.contentType === 'application/pdf' ? tf.files.pdf : tf.files.image}，{tf.files.size(f.size)}
            <Text id={`file-remove-${i}`} className="vh-link" onClick={() => onChange(files.filter((_, k) => k !== i))}>
              {' '}
              {tf.files.remove}
            </Text>
          </View>
        </View>
      ))}
      {sending && (
        <View className="vh-hint" id="file-sending">
          {sending}
        </View>
      )}
      {problems.map((p) => (
        <View key={p} className="vh-field-error file-error">
          {p}
        </View>
      ))}
      {room > 0 ? (
        <Button id="add-file" className="vh-button vh-button-plain" disabled={Boolean(sending)} onClick={add}>
          {tf.files.add}
        </Button>
      ) : (
        <View className="vh-hint">{tf.files.full(maxNoticeAttachments)}</View>
      )}
      <FieldError message={error} />
    </View>
  );
}
