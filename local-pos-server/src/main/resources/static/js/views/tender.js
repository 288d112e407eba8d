// The tender screen: split the total across cash, card and other, then send the sale.
// The sale's id is made once and kept (also in localStorage) until the server gives a
// definite answer, so retries and even a page reload can never book the sale twice.

import { post } from '../api.js';
import { $, el, keepFocus, replace } from '../dom.js';
import { newId } from '../ids.js';
import { clearMessage, showError } from '../message.js';
import { formatAmount, formatMoney, parseMoney } from '../money.js';
import { interruptibleWaiter, sendUntilAnswered } from '../retry.js';
import * as storage from '../storage.js';
import { computeTender, exactCash, exactFor, quickCashOptions } from '../tender-calc.js';

const METHODS = ['cash', 'card', 'other'];

export function createTenderView(ctx) {
  const inputs = Object.fromEntries(METHODS.map((m) => [m, $(`tender-${m}`)]));
  const confirmButton = $('confirm-payment');
  const waiter = interruptibleWaiter();
  let totalCents = 0;
  let sending = false;

  const rounding = () => ctx.shop?.cashRoundingCents || 1;

  function amounts() {
    const out = {};
    for (const m of METHODS) out[m] = parseMoney(inputs[m].value);
    return out;
  }

  function recompute() {
    const pay = amounts();
    for (const m of METHODS) inputs[m].classList.toggle('invalid', pay[m] == null);
    const clean = Object.fromEntries(METHODS.map((m) => [m, pay[m] ?? 0]));
    const t = computeTender(totalCents, clean, rounding());
    $('tender-paid').textContent = formatMoney(t.paidCents);
    $('tender-remaining').textContent = formatMoney(t.remainingCents);
    $('tender-change').textContent = formatMoney(t.changeCents);
    $('tender-remaining').classList.toggle('open', t.remainingCents > 0);
    const notes = [];
    if (t.problem) notes.push(t.problem);
    if (t.roundingCents) notes.push(`Cash rounding ${formatMoney(t.roundingCents)}.`);
    $('tender-note').textContent = notes.join(' ');
    confirmButton.disabled = sending;
    return { ...t, pay: clean, typo: METHODS.find((m) => pay[m] == null) };
  }

  function setAmount(method, cents) {
    inputs[method].value = cents ? formatAmount(cents) : '';
    recompute();
    inputs[method].focus();
    inputs[method].select();
  }

  function exact(method) {
    const pay = recompute().pay;
    setAmount(method, method === 'cash' ? exactCash(totalCents, pay, rounding()) : exactFor(method, totalCents, pay));
  }

  function renderQuickCash() {
    replace($('quick-cash'), quickCashOptions(totalCents).map((cents) => {
      const b = el('button', { type: 'button', class: 'btn small', onclick: () => setAmount('cash', cents) }, formatMoney(cents));
      keepFocus(b);
      return b;
    }));
  }

  async function confirm() {
    if (sending) return;
    const t = recompute();
    if (t.typo) { showError(`The ${t.typo} amount is not a valid amount.`); inputs[t.typo].focus(); return; }
    if (t.problem) { showError(t.problem); return; }
    if (!t.ok) { showError(`Still to pay: ${formatMoney(t.remainingCents)}.`); return; }
    // One id per sale: reused after a 5xx (maybe written), new after a refusal or a success.
    let id = storage.load('orderId');
    if (!id) { id = newId(); storage.save('orderId', id); }
    const body = {
      id,
      lines: ctx.cart.toOrderLines(),
      discountCents: 0,
      payments: METHODS.filter((m) => t.pay[m] > 0).map((m) => ({ method: m, amountCents: t.pay[m] })),
      cashier: ctx.cashier(),
      managerPin: null,
    };
    await send(body);
  }

  async function send(body) {
    storage.save('inflightOrder', body);
    setSending(true);
    try {
      const order = await sendUntilAnswered(() => post('/orders', body), { onRetry: showRetry, waiter });
      storage.save('orderId', null);
      ctx.cart.clear();
      ctx.saveCart();
      clearMessage();
      ctx.go('receipt', { order, back: 'sale' });
      ctx.afterSale();
    } catch (e) {
      // A 4xx means nothing was written, so the next Confirm may use a new id.
      // After a 5xx we cannot be sure, so the id is kept for the next Confirm.
      if (e.status >= 400 && e.status < 500) storage.save('orderId', null);
      showError(e);
    } finally {
      storage.save('inflightOrder', null);
      setSending(false);
    }
  }

  function showRetry(attempt, error, delayMs) {
    $('tender-retry').hidden = false;
    $('tender-retry-text').textContent = `${error.message} Sending the sale again in ${Math.round(delayMs / 1000) || 1} s (attempt ${attempt + 1}). It will be booked only once.`;
  }

  function setSending(on) {
    sending = on;
    confirmButton.disabled = on;
    confirmButton.classList.toggle('busy', on);
    $('tender-back').disabled = on;
    for (const m of METHODS) inputs[m].disabled = on;
    document.querySelectorAll('[data-exact], #quick-cash button').forEach((b) => { b.disabled = on; });
    if (!on) $('tender-retry').hidden = true;
  }

  function back() {
    if (sending) return;
    ctx.go('sale');
  }

  for (const m of METHODS) inputs[m].addEventListener('input', recompute);
  document.querySelectorAll('[data-exact]').forEach((b) => {
    keepFocus(b);
    b.addEventListener('click', () => exact(b.dataset.exact));
  });
  confirmButton.addEventListener('click', confirm);
  $('tender-back').addEventListener('click', back);
  $('tender-retry-now').addEventListener('click', () => waiter.now());

  return {
    enter(arg) {
      totalCents = ctx.cart.totals().totalCents;
      $('tender-total').textContent = formatMoney(totalCents);
      const resume = arg?.resume ? storage.load('inflightOrder') : null;
      for (const m of METHODS) {
        const p = resume?.payments?.find((x) => x.method === m);
        inputs[m].value = p ? formatAmount(p.amountCents) : '';
      }
      renderQuickCash();
      recompute();
      inputs.cash.focus();
      // The page went away while a sale was being sent: send exactly that again, same id.
      if (resume && !sending) send(resume);
    },
    leave() {},
    onKey(e) {
      if (e.key === 'Enter' && !e.target.closest?.('button')) { e.preventDefault(); confirm(); }
      else if (e.key === 'Escape') { e.preventDefault(); back(); }
      else if (e.key === 'F12') e.preventDefault();
    },
  };
}
