// Builds the receipt for an Order (sale or refund) as the printer should see it.

import { el, formatTime, replace } from '../dom.js';
import { formatMoney, formatQuantity } from '../money.js';

const METHOD_NAMES = { cash: 'Cash', card: 'Card', other: 'Other' };

export function renderReceipt(node, order, shop) {
  const isRefund = order.kind === 'refund';
  const row = (label, cents, cls) => el('div', { class: `r-row ${cls ?? ''}` },
    el('span', {}, label), el('span', { class: 'num' }, formatMoney(cents)));
  replace(node,
    el('div', { class: 'r-head' },
      el('div', { class: 'r-shop' }, shop?.name ?? 'Lightning POS'),
      el('div', { class: 'r-title' }, isRefund ? 'REFUND' : 'RECEIPT'),
      order.status === 'voided' ? el('div', { class: 'r-void' }, 'VOIDED') : null,
      el('div', {}, 'No. ', el('strong', { id: 'receipt-no' }, order.receiptNo ?? '')),
      el('div', {}, formatTime(order.createdAt)),
      order.cashier ? el('div', {}, `Cashier: ${order.cashier}`) : null),
    el('div', { class: 'r-lines' }, (order.lines ?? []).map((l) => el('div', { class: 'r-line' },
      el('div', { class: 'r-row' }, el('span', { class: 'r-name' }, l.name ?? l.sku ?? ''),
        el('span', { class: 'num' }, formatMoney(l.totalCents))),
      el('div', { class: 'r-detail' }, `${formatQuantity(l.quantity)} × ${formatMoney(l.unitPriceCents)}`),
      l.discountCents ? el('div', { class: 'r-detail' }, `discount -${formatMoney(Math.abs(l.discountCents))}`) : null))),
    el('div', { class: 'r-totals' },
      row('Subtotal', order.subtotalCents),
      order.discountCents ? row('Discount', -Math.abs(order.discountCents)) : null,
      row('Tax', order.taxCents),
      order.roundingCents ? row('Rounding', order.roundingCents) : null,
      row('TOTAL', order.totalCents, 'r-total')),
    el('div', { class: 'r-payments' },
      (order.payments ?? []).map((p) => row(METHOD_NAMES[p.method] ?? p.method, p.tenderedCents ?? p.amountCents)),
      order.changeCents ? row('Change', order.changeCents, 'r-change') : null),
    el('div', { class: 'r-foot' }, isRefund ? 'Refund issued' : 'Thank you!'));
}
