import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ImportPreview, ImportResult, RowFix } from '../../../../shared/schemas/roster-import';
import { ActionButton } from '../../../components/action';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/people';
import { call, messageOf } from '../../../services/api';
import { loadGroups, ROSTER } from '../roster';

type Fix = z.infer<typeof RowFix>;
type Column = Fix['column'];
type BadRow = ImportPreview['badRows'][number];
interface ChosenFile {
  name: string;
  base64: string;
}

const columns = Object.keys(tp.columns) as Column[];
/** The id of the H5 file input, so a browser test can hand it a file. */
const FILE_INPUT_ID = 'roster-file';

/** A cell of a bad row, whether the server names cells by column or by the file's header. */
const cellOf = (row: BadRow, column: Column) => row.cells[column] ?? row.cells[tp.columns[column]] ?? '';
const cellLabel = (key: string) => (tp.columns as Record<string, string>)[key] ?? key;
/** The column a reason is most likely about ("村民小组 不存在…" → groupName), to open the fix form on it. */
const likelyColumn = (row: BadRow): Column =>
  columns.find((c) => row.reasons.some((r) => r.includes(tp.columns[c]))) ?? 'name';

/** The file as base64, from the browser's file picker (H5). */
const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(tp.import.readFailed));
    reader.readAsDataURL(file);
  });

/** A CSV file sent in a WeChat chat, read as base64 (mini-program). */
async function chooseInWechat(): Promise<ChosenFile | undefined> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] }).catch(() => undefined);
  const file = picked?.tempFiles[0];
  if (!file) return undefined;
  const base64 = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (r) => resolve(String(r.data)),
      fail: () => reject(new Error(tp.import.readFailed)),
    }),
  );
  return { name: file.name, base64 };
}

/**
 * On H5 a hidden <input type="file"> lives in the page while it is open: the
 * button clicks it, and what is chosen is read and handed on.
 */
function useH5FileInput(onFile: (f: ChosenFile) => void, onError: (message: string) => void) {
  const latest = useRef({ onFile, onError });
  latest.current = { onFile, onError };
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = FILE_INPUT_ID;
    input.accept = '.csv,text/csv';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return;
      readAsBase64(file)
        .then((base64) => latest.current.onFile({ name: file.name, base64 }))
        .catch((e) => latest.current.onError(messageOf(e)))
        .finally(() => {
          input.value = ''; // the same file may be chosen again after it is changed
        });
    };
    document.body.appendChild(input);
    return () => input.remove();
  }, []);
}

/** One bad row: its line, its cells, every reason, and a form to correct a cell here in the page. */
function BadRowCard({ row, groups, onFix }: { row: BadRow; groups: string[]; onFix: (fix: Fix) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [column, setColumn] = useState<Column>(likelyColumn(row));
  // ID numbers and phones come back masked: those are typed again in full, not edited.
  const startValue = (c: Column) => (c === 'idNumber' || c === 'phone' ? '' : cellOf(row, c));
  const [value, setValue] = useState(startValue(likelyColumn(row)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const chooseColumn = (c: Column) => {
    setColumn(c);
    setValue(startValue(c));
  };
  const known = columns.filter((c) => cellOf(row, c));
  const others = Object.keys(row.cells).filter((k) => !columns.some((c) => c === k || tp.columns[c] === k));
  return (
    <View className="vh-card vh-bad-row" id={`bad-row-${row.line}`}>
      <View className="vh-card-title">{tp.import.line(row.line)}</View>
      <View className="vh-meta vh-bad-row-cells">
        {[
          ...known.map((c) => `${tp.columns[c]}：${cellOf(row, c)}`),
          ...others.map((k) => `${k}：${row.cells[k]}`),
        ].join('；')}
      </View>
      {row.reasons.map((r) => (
        <View key={r} className="vh-field-error vh-bad-row-reason">
          {r}
        </View>
      ))}
      {!open ? (
        <Button
          id={`fix-open-${row.line}`}
          className="vh-button vh-button-plain vh-button-small"
          onClick={() => setOpen(true)}
        >
          {tp.import.fix}
        </Button>
      ) : (
        <View className="vh-fix" id={`fix-form-${row.line}`}>
          <View className="vh-label">{tp.import.fixColumn}</View>
          <View className="vh-tabs">
            {columns.map((c) => (
              <View
                key={c}
                id={`fix-column-${row.line}-${c}`}
                className={`vh-tab ${column === c ? 'vh-tab-on' : ''}`}
                onClick={() => chooseColumn(c)}
              >
                {tp.columns[c]}
              </View>
            ))}
          </View>
          <View className="vh-label">{tp.import.fixValue}</View>
          {column === 'groupName' && groups.length > 0 && (
            <View className="vh-tabs">
              {groups.map((g, i) => (
                <View
                  key={g}
                  id={`fix-group-${row.line}-${i}`}
                  className={`vh-tab ${value === g ? 'vh-tab-on' : ''}`}
                  onClick={() => setValue(g)}
                >
                  {g}
                </View>
              ))}
            </View>
          )}
          <Input
            id={`fix-value-${row.line}`}
            className="vh-input"
            value={value}
            maxlength={100}
            onInput={(e) => setValue(e.detail.value)}
          />
          <FieldError message={error} />
          <Button
            id={`fix-save-${row.line}`}
            className="vh-button vh-button-primary"
            disabled={busy || undefined}
            onClick={() => {
              if (busy) return;
              setBusy(true);
              setError(undefined);
              onFix({ line: row.line, column, value: value.trim() })
                .catch((e) => setError(messageOf(e)))
                .finally(() => setBusy(false));
            }}
          >
            {busy ? tp.import.previewing : tp.import.saveFix}
          </Button>
          <Button className="vh-button vh-button-plain" onClick={() => setOpen(false)}>
            {tp.detail.cancel}
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * Importing the register (导入名册): choose a CSV, see what it would do (nothing
 * is written), correct bad rows here, then confirm exactly what was previewed.
 */
export default function ImportPage() {
  const me = useMe();
  const [file, setFile] = useState<ChosenFile>();
  const [fixes, setFixes] = useState<Fix[]>([]);
  const [preview, setPreview] = useState<ImportPreview>();
  const [result, setResult] = useState<z.infer<typeof ImportResult>>();
  const [groups, setGroups] = useState<string[]>([]);
  const [readError, setReadError] = useState('');
  const { loading, error, track } = useLoading(false);
  usePageLoad(me, () => loadGroups().then(setGroups));

  const check = (f: ChosenFile, withFixes: Fix[]) =>
    call('previewRosterImport', { body: { fileBase64: f.base64, fileName: f.name, fixes: withFixes } });
  const chosen = (f: ChosenFile) => {
    setFile(f);
    setFixes([]);
    setPreview(undefined);
    setResult(undefined);
    setReadError('');
    track(async () => setPreview(await check(f, [])));
  };
  useH5FileInput(chosen, setReadError);

  const choose = async () => {
    setReadError('');
    if (process.env.TARO_ENV === 'h5') {
      (document.getElementById(FILE_INPUT_ID) as HTMLInputElement | null)?.click();
      return;
    }
    try {
      const f = await chooseInWechat();
      if (f) chosen(f);
    } catch (e) {
      setReadError(messageOf(e));
    }
  };
  /** A fix replaces an earlier one of the same cell; the file is checked again with all of them. */
  const previewWith = async (next: Fix[]) => {
    if (!file) return;
    const p = await check(file, next);
    setFixes(next);
    setPreview(p);
  };
  const addFix = (fix: Fix) =>
    previewWith([...fixes.filter((f) => f.line !== fix.line || f.column !== fix.column), fix]);

  return (
    <Page>
      <View className="vh-title">{tp.import.title}</View>
      <View className="vh-hint">{tp.import.hint}</View>
      <Button id="choose-file" className="vh-button vh-button-plain" onClick={choose}>
        {file ? tp.import.chooseAgain : tp.import.choose}
      </Button>
      {file && (
        <View className="vh-meta" id="chosen-file">
          {tp.import.chosen(file.name)}
        </View>
      )}
      <FieldError message={readError} />
      <LoadState loading={loading} error={error} onRetry={file && (() => chosen(file))} />

      {result && (
        <View className="vh-card" id="import-result">
          <View className="vh-banner vh-banner-ok">{tp.import.done}</View>
          <View className="vh-subtitle">{tp.import.result(result.created, result.updated, result.unchanged)}</View>
          <Button
            id="to-roster"
            className="vh-button vh-button-primary"
            onClick={() =>
              // Back to the roster it was opened from (it reloads as it shows), or to a new one.
              Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: ROSTER.list })
            }
          >
            {tp.import.toRoster}
          </Button>
        </View>
      )}

      {preview && !result && !loading && (
        <View id="import-preview">
          {preview.fileProblems.length > 0 && (
            <View className="vh-card" id="file-problems">
              <View className="vh-card-title">{tp.import.fileProblems}</View>
              {preview.fileProblems.map((p) => (
                <View key={p} className="vh-field-error">
                  {p}
                </View>
              ))}
            </View>
          )}

          <View className="vh-card" id="import-totals">
            <View className="vh-card-title">{tp.import.totals}</View>
            <View className="vh-meta">
              {tp.import.totalRows(preview.totalRows)}
              {preview.encoding ? ` · ${tp.import.encoding(preview.encoding)}` : ''}
            </View>
            <View className="vh-subtitle" id="import-counts">
              {tp.import.counts(preview.toCreate, preview.toUpdate.length, preview.unchanged, preview.notInFile)}
            </View>
            {preview.notInFile > 0 && <View className="vh-hint">{tp.import.notInFileHint}</View>}
            <View className="vh-meta" id="bad-row-count">
              {preview.badRows.length ? tp.import.badRows(preview.badRows.length) : tp.import.noBadRows}
            </View>
          </View>

          {fixes.length > 0 && (
            <View className="vh-card" id="import-fixes">
              <View className="vh-meta">{tp.import.fixes(fixes.length)}</View>
              {fixes.map((f) => (
                <View key={`${f.line}-${f.column}`} className="vh-row">
                  <Text>{`${tp.import.line(f.line)} ${tp.columns[f.column]} → ${f.value}`}</Text>
                  <Text
                    className="vh-link"
                    onClick={() =>
                      track(() => previewWith(fixes.filter((x) => x.line !== f.line || x.column !== f.column)))
                    }
                  >
                    {tp.import.undoFix}
                  </Text>
                </View>
              ))}
            </View>
          )}

          {preview.badRows.length > 0 && (
            <View id="bad-rows">
              <View className="vh-subtitle">{tp.import.badRows(preview.badRows.length)}</View>
              <View className="vh-hint">{tp.import.badRowsLeftOut}</View>
              {preview.badRows.map((row) => (
                <BadRowCard key={`${row.line}-${row.reasons.join()}`} row={row} groups={groups} onFix={addFix} />
              ))}
            </View>
          )}

          {preview.toUpdate.length > 0 && (
            <View className="vh-card" id="import-updates">
              <View className="vh-card-title">{tp.import.updates(preview.toUpdate.length)}</View>
              {preview.toUpdate.map((u) => (
                <View key={u.line} className="vh-question">
                  <View>
                    <Text className="vh-meta">{tp.import.line(u.line)} </Text>
                    <Text className="vh-question-text">{u.name}</Text>
                  </View>
                  <View className="vh-meta">
                    {tp.import.changed(u.changedFields.map((f) => tp.fields[f] ?? cellLabel(f)).join('、'))}
                  </View>
                </View>
              ))}
            </View>
          )}

          {preview.checksum ? (
            <ActionButton
              id="confirm-import"
              label={tp.import.confirm}
              run={async () => {
                if (!file || !preview.checksum) return;
                setResult(
                  await call('confirmRosterImport', {
                    body: { fileBase64: file.base64, fileName: file.name, fixes, checksum: preview.checksum },
                  }),
                );
              }}
            />
          ) : (
            <>
              <Button id="confirm-import" className="vh-button vh-button-primary" disabled>
                {tp.import.confirm}
              </Button>
              <View className="vh-hint vh-center">{tp.import.nothingToImport}</View>
            </>
          )}
        </View>
      )}
    </Page>
  );
}
