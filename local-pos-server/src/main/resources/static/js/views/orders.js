// Orders list: newest first, paged, searchable by receipt number. A click opens the order.

import { get, query } from '../api.js';
import { $, el, formatTime, replace } from '../dom.js';
import { showError } from '../message.js';
import { formatMoney } from '../money.js';
import { createOrderDetail } from './order-detail.js';

const PAGE = 20;

export function createOrdersView(ctx) {
  let offset = 0;
  let total = 0;
  let q = '';
  let selectedId = null;
  const detail = createOrderDetail(ctx, {
    onChanged: (order) => { selectedId = order.id; load(); },
  });

  async function load() {
    try {
      const data = await get(`/orders${query({ limit: PAGE, offset, q })}`);
      total = data?.total ?? 0;
      render(data?.orders ?? []);
    } catch (e) {
      showError(e);
    }
  }

  function render(orders) {
    replace($('orders-table').tBodies[0], orders.length ? orders.map((o) => el('tr', {
      class: `order-row${o.id === selectedId ? ' selected' : ''}${o.status === 'voided' ? ' voided' : ''}`,
      tabindex: '0',
      dataset: { id: o.id },
      onclick: () => open(o.id),
      onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); open(o.id); } },
    },
    el('td', { class: 'receipt-cell' }, o.receiptNo ?? ''),
    el('td', {}, formatTime(o.createdAt)),
    el('td', {}, o.kind === 'refund' ? 'Refund' : 'Sale'),
    el('td', {}, o.status === 'voided' ? 'Voided' : 'Completed'),
    el('td', {}, o.cashier ?? ''),
    el('td', { class: 'num' }, formatMoney(o.totalCents))))
      : [el('tr', {}, el('td', { colspan: '6', class: 'empty' }, q ? `No order with receipt number “${q}”.` : 'No orders yet.'))]);
    const last = Math.min(offset + PAGE, total);
    $('orders-range').textContent = total ? `${offset + 1}–${last} of ${total}` : '';
    $('orders-prev').disabled = offset === 0;
    $('orders-next').disabled = last >= total;
  }

  function open(id) {
    selectedId = id;
    $('orders-table').querySelectorAll('.order-row')
      .forEach((r) => r.classList.toggle('selected', r.dataset.id === id));
    detail.show(id);
  }

  $('orders-search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    q = $('orders-search').value.trim();
    offset = 0;
    load();
  });
  $('orders-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  $('orders-next').addEventListener('click', () => { offset += PAGE; load(); });

  return {
    enter() {
      load();
      if (selectedId) detail.show(selectedId);
      else detail.clear();
      $('orders-search').focus();
    },
    leave() {},
    onKey(e) {
      if (e.key === 'Escape' && !e.target.closest?.('input, select, textarea')) ctx.go('sale');
    },
  };
}
