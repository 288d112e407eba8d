// Starts the till: loads the shop, builds the screens, routes keys and navigation.

import { get } from './api.js';
import { Cart } from './cart.js';
import { $ } from './dom.js';
import { clearMessage, initMessage, showError } from './message.js';
import { setCurrency } from './money.js';
import * as storage from './storage.js';
import { createSyncPanel } from './sync-panel.js';
import { createExpensesView } from './views/expenses.js';
import { createOrdersView } from './views/orders.js';
import { createReceiptView } from './views/receipt.js';
import { createRegisterView } from './views/register.js';
import { createSaleView } from './views/sale.js';
import { createTenderView } from './views/tender.js';

// Tender and receipt belong to the sale, so the Sale tab stays lit while they show.
const TAB_OF = { sale: 'sale', tender: 'sale', receipt: 'sale', orders: 'orders', register: 'register', expenses: 'expenses' };

// The server that served this page may still be starting its API; give it a few seconds.
async function loadShop() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await get('/shop');
    } catch (e) {
      if (attempt >= 5) { showError(e); return null; }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function start() {
  initMessage();
  const shop = await loadShop();
  setCurrency(shop?.currency);
  if (shop?.name) {
    $('shop-name').textContent = shop.name;
    document.title = `${shop.name} · Lightning POS`;
  }

  const cart = new Cart(storage.load('cart'));
  const cashierInput = $('cashier-name');
  cashierInput.value = storage.load('cashier', '');
  cashierInput.addEventListener('change', () => storage.save('cashier', cashierInput.value.trim()));

  let current = null;
  const views = {};
  const ctx = {
    shop,
    cart,
    saveCart: () => storage.save('cart', cart.snapshot()),
    cashier: () => cashierInput.value.trim() || null,
    current: () => current,
    go,
    registerChanged,
    afterSale: () => sync.refresh(),
  };

  function go(name, arg) {
    if (!views[name]) return;
    if (current && current !== name) views[current].leave?.();
    current = name;
    document.querySelectorAll('main > .view').forEach((v) => { v.hidden = v.dataset.view !== name; });
    document.querySelectorAll('.tabs .tab').forEach((t) => {
      t.classList.toggle('active', t.dataset.view === TAB_OF[name]);
      t.setAttribute('aria-current', t.dataset.view === TAB_OF[name] ? 'page' : 'false');
    });
    document.body.dataset.view = name;
    views[name].enter?.(arg);
  }

  function registerChanged(session) {
    const chip = $('register-chip');
    chip.hidden = false;
    chip.textContent = session ? 'Register open' : 'Register closed';
    chip.classList.toggle('warn', !session);
  }

  async function checkRegister() {
    try {
      registerChanged(await get('/cash-sessions/current'));
    } catch (e) {
      if (e.status === 404) registerChanged(null);
    }
  }

  views.sale = createSaleView(ctx);
  views.tender = createTenderView(ctx);
  views.receipt = createReceiptView(ctx);
  views.orders = createOrdersView(ctx);
  views.register = createRegisterView(ctx);
  views.expenses = createExpensesView(ctx);
  const sync = createSyncPanel({ standalone: shop?.standalone });

  document.querySelectorAll('.tabs .tab').forEach((tab) => {
    tab.addEventListener('click', () => {
      // Leaving the tender screen mid-send would hide a sale in doubt.
      if (current === 'tender' && $('confirm-payment').classList.contains('busy')) return;
      clearMessage();
      go(tab.dataset.view);
    });
  });
  $('register-chip').addEventListener('click', () => go('register'));

  document.addEventListener('keydown', (e) => {
    // Keys typed into the cashier name belong to it and nothing else.
    if (e.target === cashierInput) {
      if (e.key === 'Enter' || e.key === 'Escape') { cashierInput.blur(); storage.save('cashier', cashierInput.value.trim()); go(current); }
      return;
    }
    // F12 is Pay on the sale screen and must never open developer tools on a till.
    if (e.key === 'F12') e.preventDefault();
    views[current]?.onKey?.(e);
  });

  // A sale that was being sent when the page closed is finished before anything else.
  if (storage.load('inflightOrder')) go('tender', { resume: true });
  else go('sale');
  checkRegister();
}

start();
