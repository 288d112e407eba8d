// X report (session so far) and Z report (after closing): expected cash against counted.

import { el, formatTime, replace } from '../dom.js';
import { formatMoney } from '../money.js';

export function renderReport(node, title, r) {
  const s = r.session ?? {};
  const row = (label, value, id, cls) => el('tr', { class: cls ?? '' },
    el('th', {}, label), el('td', { class: 'num', id }, value));
  const methods = Object.entries(r.byMethod ?? {});
  const counted = r.countedCashCents ?? s.countedCashCents;
  const difference = r.differenceCents ?? s.differenceCents;
  replace(node, el('div', { class: 'card' },
    el('h2', {}, title),
    el('p', { class: 'meta' }, `Opened ${formatTime(s.openedAt)} by ${s.openedBy ?? '—'}`,
      s.closedAt ? ` · closed ${formatTime(s.closedAt)}` : ''),
    el('table', { class: 'report-table' }, el('tbody', {},
      row('Opening float', formatMoney(s.openingFloatCents)),
      row('Sales', `${r.salesCount ?? 0} · ${formatMoney(r.salesTotalCents)}`),
      row('Refunds', formatMoney(r.refundsTotalCents)),
      methods.map(([m, cents]) => row(`  ${m[0].toUpperCase()}${m.slice(1)}`, formatMoney(cents), null, 'sub')),
      row('Cash in', formatMoney(r.cashInCents)),
      row('Cash out', formatMoney(r.cashOutCents)),
      row('Expenses from till', formatMoney(r.expensesCents)),
      row('Expected cash', formatMoney(r.expectedCashCents ?? s.expectedCashCents), 'report-expected', 'strong'),
      counted != null ? row('Counted cash', formatMoney(counted), 'report-counted', 'strong') : null,
      difference != null ? row('Difference', differenceText(difference), 'report-difference',
        `strong ${difference === 0 ? 'good' : 'bad'}`) : null))));
}

function differenceText(cents) {
  if (cents === 0) return `${formatMoney(0)} (exact)`;
  return cents > 0 ? `+${formatMoney(cents)} (over)` : `${formatMoney(cents)} (short)`;
}
