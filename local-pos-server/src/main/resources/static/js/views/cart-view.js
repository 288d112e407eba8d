// Draws the cart table and the totals from a Cart. No state of its own.

import { $, el, replace } from '../dom.js';
import { formatMoney, formatQuantity } from '../money.js';

export function renderCart(cart, onSelect) {
  const totals = cart.totals();
  const byKey = new Map(totals.lines.map((t) => [t.key, t]));
  replace($('cart-body'), cart.lines.map((line) => {
    const t = byKey.get(line.key);
    const selected = line.key === cart.selectedKey;
    return el('tr', {
      class: `cart-line${selected ? ' selected' : ''}`,
      'aria-selected': String(selected),
      dataset: { key: line.key },
      onclick: () => onSelect(line.key),
    },
    el('td', { class: 'c-name' },
      el('span', { class: 'line-name' }, line.name),
      el('span', { class: 'line-sub' }, subtitle(line))),
    el('td', { class: 'num line-qty' }, formatQuantity(line.quantity, line.unit)),
    el('td', { class: 'num line-price' }, formatMoney(line.unitPriceCents), line.unit === 'kg' ? '/kg' : ''),
    el('td', { class: 'num line-discount' }, t.discountCents
      ? `${line.discountPct}% −${formatMoney(t.discountCents).replace('-', '')}` : ''),
    el('td', { class: 'num line-total' }, formatMoney(t.netCents)));
  }));
  $('cart-empty').hidden = !cart.isEmpty;
  $('cart-subtotal').textContent = formatMoney(totals.subtotalCents);
  $('cart-discount').textContent = totals.discountCents ? `-${formatMoney(totals.discountCents)}` : formatMoney(0);
  $('cart-tax').textContent = formatMoney(totals.taxCents);
  $('cart-total').textContent = formatMoney(totals.totalCents);
  const pieces = cart.lines.reduce((n, l) => n + (l.unit === 'kg' ? 1 : l.quantity), 0);
  $('cart-count').textContent = cart.isEmpty ? '' : `${cart.lines.length} ${cart.lines.length === 1 ? 'line' : 'lines'} · ${pieces} ${pieces === 1 ? 'item' : 'items'}`;
  $('pay-button').disabled = cart.isEmpty;
  $('cart-body').querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  return totals;
}

function subtitle(line) {
  if (line.embedded === 'price') return `${line.sku ?? ''} · price label`;
  if (line.embedded === 'weight') return `${line.sku ?? ''} · weighed`;
  return line.sku ?? '';
}
