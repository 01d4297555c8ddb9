import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Attachment } from '../../shared/schemas/notice-file';
import { tf } from '../i18n/notice-files';

/**
 * Opens a notice's file: in the mini-program a picture in the image viewer and a
 * PDF in WeChat's document viewer (downloaded first); on H5 the file's own link
 * in a new tab, where the browser shows either.
 */
export async function openNoticeFile(url: string, contentType: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  if (contentType.startsWith('image/')) {
    await Taro.previewImage({ current: url, urls: [url] });
    return;
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(String(statusCode));
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
}

/** A notice's files, each with its kind and size; `printed` lists them for the paper board without links. */
export function NoticeAttachments({ attachments, printed }: { attachments: Attachment[]; printed?: boolean }) {
  const [failed, setFailed] = useState('');
  if (attachments.length === 0) return null;
  const open = (a: Attachment) => {
    setFailed('');
    if (a.url) openNoticeFile(a.url, a.contentType).catch(() => setFailed(tf.files.openFailed));
  };
  return (
    <View className="vh-attachments" id="notice-attachments">
      <View className="vh-label">{tf.files.title}</View>
      {attachments.map((a, i) => (
        <View key={a.fileId} className="vh-attachment" id={`attachment-${i}`}>
          <Text className="vh-attachment-name">
            {i + 1}. {a.name}
          </Text>
          <Text className="vh-meta">
            {' '}
            （{a.contentType === 'application/pdf' ? tf.files.pdf : tf.files.image}，{tf.files.size(a.size)}）
          </Text>
          {!printed && a.url && (
            <Text className="vh-link vh-attachment-open" onClick={() => open(a)}>
              {tf.files.open}
            </Text>
          )}
        </View>
      ))}
      {failed && <View className="vh-field-error">{failed}</View>}
    </View>
  );
}
