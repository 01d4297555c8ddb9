import Taro from '@tarojs/taro';

/**
 * Hands a file to the person: on H5 downloaded by the browser, in the mini-program
 * written to the app's own folder and sent on through a chat (the only way out of it).
 */
export async function saveFile(fileName: string, text: string, type: string) {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (e) => reject(new Error(e.errMsg)),
    }),
  );
  await Taro.shareFileMessage({ filePath, fileName });
}
