import { Text, View } from '@tarojs/components';
import type { Notice } from '../../shared/schemas/notice';
import { tf } from '../i18n/notice-files';
import { openNoticeFile } from './notice-attachments';

type Ledger = NonNullable<Notice['ledger']>;
type Totals = NonNullable<Notice['ledgerTotals']>;
const tl = tf.ledger;

/** A bar as wide as its share of the largest amount: plain CSS, so it prints and builds for WeChat alike. */
function Bar({ label, fen, max, kind }: { label: string; fen: number; max: number; kind: 'income' | 'expense' }) {
  const width = max > 0 ? Math.max(1, Math.round((fen / max) * 100)) : 0;
  return (
    <View className="vh-ledger-bar-row">
      <Text className="vh-ledger-bar-label">{label}</Text>
      <View className="vh-ledger-bar-track">
        <View className={`vh-ledger-bar vh-ledger-bar-${kind}`} style={{ width: `${width}%` }} />
      </View>
      <Text className="vh-ledger-bar-value">{tl.yuan(fen)}</Text>
    </View>
  );
}

/** Income and expense by 科目, and month over month: what residents ask first about the money. */
function LedgerChart({ totals }: { totals: Totals }) {
  const maxCategory = Math.max(0, ...totals.byCategory.map((c) => c.amountFen));
  const maxMonth = Math.max(0, ...totals.byMonth.flatMap((m) => [m.incomeFen, m.expenseFen]));
  return (
    <View className="vh-ledger-chart" id="ledger-chart">
      <View className="vh-subtitle">{tl.byCategory}</View>
      {totals.byCategory.map((c) => (
        <Bar
          key={`${c.direction}-${c.category}`}
          label={`${c.direction === 'income' ? tl.income : tl.expense} · ${c.category}`}
          fen={c.amountFen}
          max={maxCategory}
          kind={c.direction}
        />
      ))}
      <View className="vh-subtitle">{tl.byMonth}</View>
      {totals.byMonth.map((m) => (
        <View key={m.month} className="vh-ledger-bar-month">
          <View className="vh-meta">{tl.month(m.month)}</View>
          <Bar label={tl.income} fen={m.incomeFen} max={maxMonth} kind="income" />
          <Bar label={tl.expense} fen={m.expenseFen} max={maxMonth} kind="expense" />
        </View>
      ))}
    </View>
  );
}

/** A finance notice's ledger: each line, the totals the server computed, and the chart (on paper too). */
export function LedgerView({ ledger, totals, printed }: { ledger: Ledger; totals?: Totals; printed?: boolean }) {
  if (ledger.length === 0) return null;
  return (
    <View className="vh-ledger" id="notice-ledger">
      <View className="vh-amounts-title">{tl.title}</View>
      {ledger.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two lines may be alike in every field
        <View key={i} className="vh-ledger-line" id={`ledger-line-${i}`}>
          <View className="vh-ledger-main">
            <Text className="vh-ledger-date">{l.date.slice(5)}</Text>
            <Text className="vh-ledger-item">{l.item}</Text>
            <Text className={`vh-ledger-amount vh-ledger-${l.direction}`}>
              {l.direction === 'income' ? '+' : '−'}
              {tl.yuan(l.amountFen)}
            </Text>
          </View>
          <View className="vh-meta">
            {[l.subject, l.counterparty, l.note].filter(Boolean).join(' · ')}
            {!printed && l.voucherUrl && (
              <Text className="vh-link vh-ledger-voucher" onClick={() => openNoticeFile(l.voucherUrl!, 'image/jpeg')}>
                {' '}
                {tl.seeVoucher}
              </Text>
            )}
          </View>
        </View>
      ))}
      {totals && (
        <View className="vh-ledger-totals" id="ledger-totals">
          <View className="vh-ledger-total">
            <Text>{tl.totalIncome}</Text>
            <Text id="ledger-total-income">{tl.yuan(totals.incomeFen)}</Text>
          </View>
          <View className="vh-ledger-total">
            <Text>{tl.totalExpense}</Text>
            <Text id="ledger-total-expense">{tl.yuan(totals.expenseFen)}</Text>
          </View>
          <View className="vh-ledger-total">
            <Text>{tl.balance}</Text>
            <Text id="ledger-balance">
              {totals.balanceFen < 0 ? '−' : ''}
              {tl.yuan(Math.abs(totals.balanceFen))}
            </Text>
          </View>
          <View className="vh-hint">{tl.computed}</View>
        </View>
      )}
      {totals && <LedgerChart totals={totals} />}
    </View>
  );
}
