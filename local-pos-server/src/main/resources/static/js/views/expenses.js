// Expenses: add one (optionally paid from the till) and page through the list.

import { get, post, query } from '../api.js';
import { $, el, formatTime, replace } from '../dom.js';
import { showError, showSuccess } from '../message.js';
import { formatMoney, parseMoney } from '../money.js';

const PAGE = 20;

export function createExpensesView(ctx) {
  let offset = 0;
  let total = 0;

  async function load() {
    try {
      const data = await get(`/expenses${query({ limit: PAGE, offset })}`);
      total = data?.total ?? 0;
      render(data?.expenses ?? []);
    } catch (e) {
      showError(e);
    }
  }

  function render(expenses) {
    replace($('expenses-table').tBodies[0], expenses.length ? expenses.map((x) => el('tr', { class: 'expense-row' },
      el('td', {}, formatTime(x.createdAt ?? x.spentAt ?? x.date)),
      el('td', {}, x.category ?? ''),
      el('td', {}, x.description ?? ''),
      el('td', {}, x.paidFromTill === false ? 'No' : 'Yes'),
      el('td', { class: 'num' }, formatMoney(x.amountCents))))
      : [el('tr', {}, el('td', { colspan: '5', class: 'empty' }, 'No expenses yet.'))]);
    const last = Math.min(offset + PAGE, total);
    $('expenses-range').textContent = total ? `${offset + 1}–${last} of ${total}` : '';
    $('expenses-prev').disabled = offset === 0;
    $('expenses-next').disabled = last >= total;
  }

  async function add(e) {
    e.preventDefault();
    const amountText = $('expense-amount').value;
    const amountCents = parseMoney(amountText);
    if (amountCents == null || amountCents <= 0) { showError('Enter the amount, e.g. 12.50.'); $('expense-amount').focus(); return; }
    const button = $('expense-add');
    button.disabled = true;
    try {
      await post('/expenses', {
        category: $('expense-category').value.trim(),
        description: $('expense-description').value.trim() || null,
        amountCents,
        paidFromTill: $('expense-from-till').checked,
      });
      showSuccess(`Expense of ${formatMoney(amountCents)} added.`);
      $('expense-form').reset();
      offset = 0;
      await load();
      $('expense-category').focus();
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
    }
  }

  $('expense-form').addEventListener('submit', add);
  $('expenses-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  $('expenses-next').addEventListener('click', () => { offset += PAGE; load(); });

  return {
    enter() {
      load();
      $('expense-category').focus();
    },
    leave() {},
    onKey(e) {
      if (e.key === 'Escape' && !e.target.closest?.('input, select, textarea')) ctx.go('sale');
    },
  };
}
