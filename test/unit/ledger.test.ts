import { ledgerTotals } from '../../src/shared/rules/ledger';

describe('a ledger’s totals', () => {
  it('sums whole fen exactly, where yuan as floats would drift', () => {
    const lines = Array.from({ length: 10 }, (_, i) => ({
      date: '2026-11-02',
      direction: 'income' as const,
      item: `第${i + 1}笔`,
      amountFen: 10, // 0.10 元 ten times: 0.1 + 0.1 + … is not 1 in floating point
    }));
    expect(ledgerTotals(lines)).toMatchObject({ incomeFen: 100, expenseFen: 0, balanceFen: 100 });
  });

  it('charts a line without a 科目 under its item, income first, then by size; months in order', () => {
    const t = ledgerTotals([
      { date: '2026-11-20', direction: 'expense', item: '水电费', amountFen: 9_600 },
      { date: '2026-10-05', direction: 'expense', item: '道路维修', subject: '公益支出', amountFen: 73_500 },
      { date: '2026-10-09', direction: 'income', item: '租金', subject: '租赁收入', amountFen: 360_000 },
      { date: '2026-11-09', direction: 'expense', item: '路灯', subject: '公益支出', amountFen: 500 },
    ]);
    expect(t.byCategory).toEqual([
      { category: '租赁收入', direction: 'income', amountFen: 360_000 },
      { category: '公益支出', direction: 'expense', amountFen: 74_000 },
      { category: '水电费', direction: 'expense', amountFen: 9_600 },
    ]);
    expect(t.byMonth).toEqual([
      { month: '2026-10', incomeFen: 360_000, expenseFen: 73_500 },
      { month: '2026-11', incomeFen: 0, expenseFen: 10_100 },
    ]);
    expect(t.balanceFen).toBe(360_000 - 83_600);
  });
});
