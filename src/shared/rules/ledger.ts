/**
 * A finance notice's totals, made from its lines and never typed: amounts are
 * whole fen (分), so sums are exact. Lines are grouped by their 科目 (an item
 * without one stands for itself) and by calendar month of their date.
 */
export interface LedgerLineFacts {
  date: string; // YYYY-MM-DD
  direction: 'income' | 'expense';
  item: string;
  subject?: string;
  amountFen: number;
}

export interface LedgerTotals {
  incomeFen: number;
  expenseFen: number;
  /** Income less expense: negative when the period spent more than it took in. */
  balanceFen: number;
  byCategory: { category: string; direction: 'income' | 'expense'; amountFen: number }[];
  byMonth: { month: string; incomeFen: number; expenseFen: number }[];
}

export function ledgerTotals(lines: LedgerLineFacts[]): LedgerTotals {
  const sum = (d: LedgerLineFacts['direction']) =>
    lines.filter((l) => l.direction === d).reduce((s, l) => s + l.amountFen, 0);
  const categories = new Map<string, LedgerTotals['byCategory'][number]>();
  const months = new Map<string, LedgerTotals['byMonth'][number]>();
  for (const l of lines) {
    const category = l.subject || l.item;
    const c = categories.get(`${l.direction}#${category}`) ?? { category, direction: l.direction, amountFen: 0 };
    c.amountFen += l.amountFen;
    categories.set(`${l.direction}#${category}`, c);
    const month = l.date.slice(0, 7);
    const m = months.get(month) ?? { month, incomeFen: 0, expenseFen: 0 };
    if (l.direction === 'income') m.incomeFen += l.amountFen;
    else m.expenseFen += l.amountFen;
    months.set(month, m);
  }
  const incomeFen = sum('income');
  const expenseFen = sum('expense');
  return {
    incomeFen,
    expenseFen,
    balanceFen: incomeFen - expenseFen,
    // Income first, then the largest amounts: the chart reads top down.
    byCategory: [...categories.values()].sort((a, b) =>
      a.direction === b.direction ? b.amountFen - a.amountFen : a.direction === 'income' ? -1 : 1,
    ),
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
