import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LedgerLine } from '../../shared/schemas/notice';
import { tf } from '../i18n/notice-files';
import { messageOf } from '../services/api';
import { TextField } from './field';
import { pickNoticeFiles, uploadNoticeFile } from './notice-files';
import { FieldError } from './state';

const tl = tf.ledger;

/** A ledger line as typed: the amount is text in yuan until the form is sent. */
export interface LedgerRow {
  date: string;
  direction: LedgerLine['direction'];
  item: string;
  subject: string;
  amount: string;
  counterparty: string;
  voucherFileId?: string;
  note?: string;
}

export const emptyRow = (date = ''): LedgerRow => ({
  date,
  direction: 'expense',
  item: '',
  subject: '',
  amount: '',
  counterparty: '',
});

/** "12.5" → 1250 fen; anything else is left for the schema to name (金额应为数字 / 以分为单位). */
const fenOf = (s: string) => {
  const t = s.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return t === '' ? Number.NaN : Number(t) * 100;
  const [whole, part = ''] = t.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
};

export const toLine = (r: LedgerRow): LedgerLine => ({
  date: r.date,
  direction: r.direction,
  item: r.item,
  amountFen: fenOf(r.amount),
  ...(r.subject.trim() ? { subject: r.subject } : {}),
  ...(r.counterparty.trim() ? { counterparty: r.counterparty } : {}),
  ...(r.voucherFileId ? { voucherFileId: r.voucherFileId } : {}),
  ...(r.note ? { note: r.note } : {}),
});

export const fromLine = (l: LedgerLine): LedgerRow => ({
  date: l.date,
  direction: l.direction,
  item: l.item,
  subject: l.subject ?? '',
  amount: (l.amountFen / 100).toFixed(2),
  counterparty: l.counterparty ?? '',
  voucherFileId: l.voucherFileId,
  note: l.note,
});

/** One line: date, income or expense, item, amount, and optionally 科目, who, and a photo of the voucher. */
function RowEditor({
  i,
  row,
  set,
  remove,
  err,
}: {
  i: number;
  row: LedgerRow;
  set: (patch: Partial<LedgerRow>) => void;
  remove: () => void;
  err: (path: string) => string | undefined;
}) {
  const [voucher, setVoucher] = useState('');
  const addVoucher = async () => {
    const [photo] = await pickNoticeFiles(true, 1);
    if (!photo) return;
    setVoucher(tf.files.sending(photo.name));
    try {
      set({ voucherFileId: (await uploadNoticeFile(photo)).fileId });
      setVoucher('');
    } catch (e) {
      setVoucher(`${tf.files.failed(photo.name)}：${messageOf(e)}`);
    }
  };
  const at = (f: string) => err(`ledger.${i}.${f}`);
  return (
    <View className="vh-amount-edit" id={`ledger-row-${i}`}>
      <View className="vh-row">
        <Picker mode="date" value={row.date} onChange={(e) => set({ date: e.detail.value })}>
          <View className="vh-picker" id={`ledger-date-${i}`}>
            {tl.date}：{row.date || '—'}
          </View>
        </Picker>
        <View
          id={`ledger-income-${i}`}
          className={`vh-segment ${row.direction === 'income' ? 'vh-segment-on' : ''}`}
          onClick={() => set({ direction: 'income' })}
        >
          {tl.income}
        </View>
        <View
          id={`ledger-expense-${i}`}
          className={`vh-segment ${row.direction === 'expense' ? 'vh-segment-on' : ''}`}
          onClick={() => set({ direction: 'expense' })}
        >
          {tl.expense}
        </View>
      </View>
      <FieldError message={at('date') ?? at('direction')} />
      <TextField
        id={`ledger-item-${i}`}
        placeholder={tl.item}
        value={row.item}
        error={at('item')}
        onChange={(item) => set({ item })}
      />
      <Input
        id={`ledger-amount-${i}`}
        className="vh-input"
        type="digit"
        placeholder={tl.amount}
        value={row.amount}
        onInput={(e) => set({ amount: e.detail.value })}
      />
      <FieldError message={at('amountFen')} />
      <TextField
        id={`ledger-subject-${i}`}
        placeholder={tl.subjectHint}
        value={row.subject}
        error={at('subject')}
        onChange={(subject) => set({ subject })}
      />
      <TextField
        id={`ledger-counterparty-${i}`}
        placeholder={tl.counterpartyHint}
        value={row.counterparty}
        error={at('counterparty')}
        onChange={(counterparty) => set({ counterparty })}
      />
      <FieldError message={at('note')} />
      <View className="vh-row">
        {row.voucherFileId ? (
          <Text className="vh-meta" id={`ledger-voucher-${i}`}>
            {tl.voucherAdded}
            <Text className="vh-link" onClick={() => set({ voucherFileId: undefined })}>
              {' '}
              {tl.removeVoucher}
            </Text>
          </Text>
        ) : (
          <Text className="vh-link" id={`ledger-add-voucher-${i}`} onClick={addVoucher}>
            {tl.addVoucher}
          </Text>
        )}
        <Text id={`ledger-remove-${i}`} className="vh-link" onClick={remove}>
          {tl.remove}
        </Text>
      </View>
      {voucher && <View className="vh-hint">{voucher}</View>}
      <FieldError message={at('voucherFileId')} />
    </View>
  );
}

/** A finance notice's ledger lines; the totals are the server's to compute, so none is typed here. */
export function LedgerEditor({
  rows,
  onChange,
  defaultDate,
  err,
}: {
  rows: LedgerRow[];
  onChange: (rows: LedgerRow[]) => void;
  defaultDate: string;
  err: (path: string) => string | undefined;
}) {
  return (
    <View className="vh-card" id="ledger-editor">
      <View className="vh-card-title">{tl.title}</View>
      <View className="vh-hint">{tl.computed}</View>
      {rows.map((r, i) => (
        <RowEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          key={i}
          i={i}
          row={r}
          err={err}
          set={(patch) => onChange(rows.map((x, k) => (k === i ? { ...x, ...patch } : x)))}
          remove={() => onChange(rows.filter((_, k) => k !== i))}
        />
      ))}
      <Button
        id="add-ledger-row"
        className="vh-button vh-button-plain"
        onClick={() => onChange([...rows, emptyRow(defaultDate)])}
      >
        {tl.add}
      </Button>
      <FieldError message={err('ledger')} />
    </View>
  );
}
