// One order: its lines, Reprint, Refund (choose lines and quantities) and Void.

import { get, post, seg } from '../api.js';
import { $, el, formatTime, replace } from '../dom.js';
import { newId } from '../ids.js';
import { showError, showSuccess } from '../message.js';
import { formatMoney, formatQuantity, parseQuantity } from '../money.js';
import { sendUntilAnswered } from '../retry.js';

export function createOrderDetail(ctx, { onChanged }) {
  const box = $('order-detail');
  let order = null;
  let refundId = null; // one id per refund the cashier is preparing, kept across retries
  let busy = false;

  async function show(id) {
    try {
      order = await get(`/orders/${seg(id)}`);
      refundId = null;
      render();
    } catch (e) {
      showError(e);
    }
  }

  const refundable = (l) => Math.max(0, round3((l.quantity ?? 0) - (l.refundedQuantity ?? 0)));
  const canChange = () => order.kind === 'sale' && order.status === 'completed';

  function render(panel = null) {
    replace(box,
      el('h2', {}, order.kind === 'refund' ? 'Refund ' : 'Receipt ', el('span', { id: 'detail-receipt-no' }, order.receiptNo ?? '')),
      el('p', { class: 'meta' }, `${formatTime(order.createdAt)} · ${order.cashier ?? 'no cashier'} · `,
        el('strong', { class: order.status === 'voided' ? 'bad' : '' }, order.status === 'voided' ? 'Voided' : 'Completed')),
      el('table', { class: 'grid', id: 'order-lines' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Item'), el('th', { class: 'num' }, 'Qty'),
          el('th', { class: 'num' }, 'Refunded'), el('th', { class: 'num' }, 'Price'), el('th', { class: 'num' }, 'Amount'),
          panel === 'refund' ? el('th', { class: 'num' }, 'Refund qty') : null)),
        el('tbody', {}, (order.lines ?? []).map((l) => el('tr', { class: 'detail-line', dataset: { lineId: l.id } },
          el('td', {}, l.name ?? l.sku ?? ''),
          el('td', { class: 'num' }, formatQuantity(l.quantity)),
          el('td', { class: 'num' }, l.refundedQuantity ? formatQuantity(l.refundedQuantity) : ''),
          el('td', { class: 'num' }, formatMoney(l.unitPriceCents)),
          el('td', { class: 'num' }, formatMoney(l.totalCents)),
          panel === 'refund' ? el('td', { class: 'num' }, el('input', {
            class: 'refund-qty', dataset: { lineId: l.id, max: refundable(l) }, inputmode: 'decimal',
            value: '0', disabled: refundable(l) === 0, 'aria-label': `Refund quantity for ${l.name}`,
          })) : null)))),
      el('dl', { class: 'totals small' },
        el('dt', {}, 'Total'), el('dd', {}, formatMoney(order.totalCents)),
        el('dt', {}, 'Paid'), el('dd', {}, formatMoney(order.paidCents)),
        el('dt', {}, 'Change'), el('dd', {}, formatMoney(order.changeCents))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'btn', id: 'order-reprint', onclick: reprint }, 'Reprint'),
        canChange() ? el('button', { type: 'button', class: 'btn', id: 'order-refund', onclick: () => render('refund') }, 'Refund') : null,
        canChange() ? el('button', { type: 'button', class: 'btn danger', id: 'order-void', onclick: () => render('void') }, 'Void') : null),
      panel === 'refund' ? refundForm() : null,
      panel === 'void' ? voidForm() : null);
    box.querySelector('.refund-qty:not([disabled]), #void-reason')?.focus();
  }

  function refundForm() {
    return el('form', { class: 'card form-grid', id: 'refund-form', onsubmit: (e) => { e.preventDefault(); refund(); } },
      el('h3', {}, 'Refund'),
      el('button', { type: 'button', class: 'btn small', id: 'refund-all', onclick: fillAll }, 'Refund everything left'),
      el('label', {}, 'Refund by ', el('select', { id: 'refund-method' },
        el('option', { value: 'cash' }, 'Cash'), el('option', { value: 'card' }, 'Card'), el('option', { value: 'other' }, 'Other'))),
      el('label', {}, 'Reason ', el('input', { id: 'refund-reason', placeholder: 'e.g. damaged' })),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'btn primary', id: 'refund-confirm' }, 'Confirm refund'),
        el('button', { type: 'button', class: 'btn ghost', onclick: () => render() }, 'Cancel')));
  }

  function voidForm() {
    return el('form', { class: 'card form-grid', id: 'void-form', onsubmit: (e) => { e.preventDefault(); voidOrder(); } },
      el('h3', {}, 'Void this sale'),
      el('p', {}, 'The sale is cancelled and its stock returned.'),
      el('label', {}, 'Reason ', el('input', { id: 'void-reason', required: true, placeholder: 'why' })),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'btn danger', id: 'void-confirm' }, 'Void sale'),
        el('button', { type: 'button', class: 'btn ghost', onclick: () => render() }, 'Cancel')));
  }

  function fillAll() {
    box.querySelectorAll('.refund-qty:not([disabled])').forEach((i) => { i.value = i.dataset.max; });
  }

  function chosenLines() {
    const lines = [];
    for (const input of box.querySelectorAll('.refund-qty:not([disabled])')) {
      const text = input.value.trim();
      if (text === '' || Number(text) === 0) continue;
      const q = parseQuantity(text);
      if (q == null) throw new Error(`“${text}” is not a quantity.`);
      if (q > Number(input.dataset.max)) throw new Error(`Only ${input.dataset.max} left to refund on that line.`);
      lines.push({ lineId: input.dataset.lineId, quantity: q });
    }
    if (!lines.length) throw new Error('Enter a quantity to refund on at least one line.');
    return lines;
  }

  async function refund() {
    if (busy) return;
    let lines;
    try { lines = chosenLines(); } catch (e) { showError(e); return; }
    refundId ??= newId();
    const body = { id: refundId, lines, method: $('refund-method').value, reason: $('refund-reason').value.trim() || null };
    await guarded(async () => {
      const result = await sendUntilAnswered(() => post(`/orders/${seg(order.id)}/refunds`, body), {
        onRetry: (n, e) => showError(`${e.message} Retrying the refund (attempt ${n + 1})…`),
      });
      refundId = null;
      showSuccess(`Refund ${result.receiptNo ?? ''} done: ${formatMoney(Math.abs(result.totalCents))} to give back.`, 6000);
      onChanged(order);
      ctx.go('receipt', { order: result, back: 'orders' });
    }, () => { refundId = null; });
  }

  async function voidOrder() {
    if (busy) return;
    const reason = $('void-reason').value.trim();
    if (!reason) { showError('Give a reason for the void.'); return; }
    await guarded(async () => {
      order = await sendUntilAnswered(() => post(`/orders/${seg(order.id)}/void`, { reason }));
      render();
      showSuccess(`Sale ${order.receiptNo ?? ''} voided.`);
      onChanged(order);
    });
  }

  /** Runs a change with the buttons locked; a refusal (4xx) means nothing happened. */
  async function guarded(fn, onRefused = () => {}) {
    busy = true;
    box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await fn();
    } catch (e) {
      if (e.status >= 400 && e.status < 500) onRefused();
      showError(e);
    } finally {
      busy = false;
      box.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  function reprint() {
    ctx.go('receipt', { order, back: 'orders' });
  }

  return {
    show,
    clear() { order = null; replace(box, el('p', { class: 'empty' }, 'Choose an order to see it, reprint, refund or void it.')); },
  };
}

function round3(q) {
  return Math.round(q * 1000) / 1000;
}
