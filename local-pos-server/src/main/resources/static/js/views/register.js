// The cash register session: open with a float, cash in/out, X report, close with a count.

import { get, post, seg } from '../api.js';
import { $, el, formatTime, replace } from '../dom.js';
import { showError, showSuccess } from '../message.js';
import { formatMoney, parseMoney } from '../money.js';
import { renderReport } from './report.js';

export function createRegisterView(ctx) {
  const body = $('register-body');
  let session = null;

  async function load() {
    try {
      session = await get('/cash-sessions/current');
    } catch (e) {
      if (e.status !== 404) { showError(e); return; }
      session = null;
    }
    render();
    ctx.registerChanged(session);
  }

  function render() {
    if (!session) {
      replace(body, form('open-form', 'Open the register', openRegister,
        field('Opening float (cash in the drawer)', 'open-float', { inputmode: 'decimal', class: 'money-input', required: true }),
        field('Opened by', 'open-by', { value: ctx.cashier() ?? '' }),
        el('button', { type: 'submit', class: 'btn primary', id: 'open-register' }, 'Open register')));
      $('open-float').focus();
      return;
    }
    replace(body,
      el('div', { class: 'card', id: 'register-status' },
        el('h2', {}, 'Register open'),
        el('p', { class: 'meta' }, `Since ${formatTime(session.openedAt)} · by ${session.openedBy ?? '—'} · float ${formatMoney(session.openingFloatCents)}`),
        el('button', { type: 'button', class: 'btn', id: 'x-report', onclick: xReport }, 'X report')),
      form('cash-form', 'Cash in / out', moveCash,
        el('label', {}, 'Kind ', el('select', { id: 'cash-kind' },
          el('option', { value: 'in' }, 'Cash in'), el('option', { value: 'out' }, 'Cash out'))),
        field('Amount', 'cash-amount', { inputmode: 'decimal', class: 'money-input', required: true }),
        field('Reason', 'cash-reason', { required: true, placeholder: 'e.g. change from bank' }),
        el('button', { type: 'submit', class: 'btn', id: 'cash-submit' }, 'Record')),
      form('close-form', 'Close the register', closeRegister,
        field('Counted cash', 'close-counted', { inputmode: 'decimal', class: 'money-input', required: true }),
        field('Closed by', 'close-by', { value: ctx.cashier() ?? '' }),
        el('button', { type: 'submit', class: 'btn danger', id: 'close-register' }, 'Close register')));
  }

  function form(id, title, onSubmit, ...children) {
    return el('form', { class: 'card form-grid', id, autocomplete: 'off',
      onsubmit: (e) => { e.preventDefault(); onSubmit(e.target); } }, el('h2', {}, title), ...children);
  }

  function field(label, id, attrs = {}) {
    return el('label', {}, `${label} `, el('input', { id, ...attrs }));
  }

  function money(id, label) {
    const cents = parseMoney($(id).value);
    if (cents == null || $(id).value.trim() === '') throw new Error(`Enter the ${label} as an amount, e.g. 100.00.`);
    return cents;
  }

  async function run(formNode, fn) {
    const buttons = formNode.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await fn();
    } catch (e) {
      showError(e);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function openRegister(formNode) {
    return run(formNode, async () => {
      const openingFloatCents = money('open-float', 'opening float');
      session = await post('/cash-sessions', { openingFloatCents, openedBy: $('open-by').value.trim() || ctx.cashier() });
      replace($('register-report'));
      showSuccess(`Register opened with ${formatMoney(openingFloatCents)}.`);
      render();
      ctx.registerChanged(session);
    });
  }

  function moveCash(formNode) {
    return run(formNode, async () => {
      const amountCents = money('cash-amount', 'amount');
      if (amountCents <= 0) throw new Error('The amount must be more than zero.');
      const kind = $('cash-kind').value;
      const reason = $('cash-reason').value.trim();
      await post(`/cash-sessions/${seg(session.id)}/movements`, { kind, amountCents, reason });
      showSuccess(`Cash ${kind} of ${formatMoney(amountCents)} recorded.`);
      formNode.reset();
      await xReport();
    });
  }

  async function xReport() {
    try {
      renderReport($('register-report'), 'X report', await get(`/cash-sessions/${seg(session.id)}/summary`));
    } catch (e) {
      showError(e);
    }
  }

  function closeRegister(formNode) {
    return run(formNode, async () => {
      const countedCashCents = money('close-counted', 'counted cash');
      const z = await post(`/cash-sessions/${seg(session.id)}/close`, {
        countedCashCents, closedBy: $('close-by').value.trim() || ctx.cashier(),
      });
      renderReport($('register-report'), 'Z report', z);
      session = null;
      showSuccess('Register closed.');
      render();
      ctx.registerChanged(null);
    });
  }

  return {
    enter() {
      replace($('register-report'));
      load();
    },
    leave() {},
    onKey(e) {
      if (e.key === 'Escape' && !e.target.closest?.('input, select, textarea')) ctx.go('sale');
    },
  };
}
