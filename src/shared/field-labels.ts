/** Chinese names of request fields, so an error can say which field is wrong. */
export const fieldLabels: Record<string, string> = {
  request: '请求内容',
  body: '正文',
  category: '公开类别',
  title: '标题',
  period: '公开期间',
  'period.from': '开始日期',
  'period.until': '结束日期',
  major: '重大事项',
  amounts: '收支明细',
  item: '项目',
  direction: '收支方向',
  amountYuan: '金额',
  note: '备注',
  guide: '办事信息',
  'guide.item': '办理事项',
  'guide.materials': '所需材料',
  'guide.timeLimit': '办理时限',
  'guide.place': '办理地点',
  attachments: '附件',
  reason: '原因',
  text: '内容',
  limit: '每页条数',
  cursor: '翻页标记',
  status: '状态',
  q: '搜索词',
  villageId: '村',
  noticeId: '公告编号',
  questionId: '问题编号',
  version: '版本号',
  tenantId: '村或乡镇',
  personId: '人员',
  'idempotency-key': '防重复提交标记',
  noticeReviewRequired: '发布前审核',
  disclosureCadence: '公开周期',
  'disclosureCadence.party': '党务公开周期',
  'disclosureCadence.government': '政务公开周期',
  'disclosureCadence.village': '村务公开周期',
  'disclosureCadence.finance': '财务公开周期',
  'disclosureCadence.service': '办事指南公开周期',
  disclosureDueSoonDays: '提前提醒天数',
  utcOffsetMinutes: '时区',
};

/** "amounts.3.amountYuan" → "收支明细第 4 行 金额" */
export function fieldLabel(path: string): string {
  if (fieldLabels[path]) return fieldLabels[path];
  const parts = path.split('.');
  return parts
    .map((p, i) =>
      /^\d+$/.test(p)
        ? `第 ${Number(p) + 1} 项`
        : (fieldLabels[parts.slice(0, i + 1).join('.')] ?? fieldLabels[p] ?? p),
    )
    .join(' ');
}
