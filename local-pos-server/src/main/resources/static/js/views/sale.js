// The sale screen. Focus lives in #scan-input: digits + Enter are a scan, letters search,
// and with an empty box the keys + - * % Delete and the arrows work on the cart.

import { get, seg } from '../api.js';
import { looksLikeBarcode } from '../barcode.js';
import { $, keepFocus } from '../dom.js';
import { beep, clearMessage, showError, showInfo } from '../message.js';
import { parseQuantity } from '../money.js';
import { renderCart } from './cart-view.js';
import { createSearchBox } from './search-box.js';

export function createSaleView(ctx) {
  const input = $('scan-input');
  const modeChip = $('scan-mode');
  const { cart } = ctx;
  const search = createSearchBox($('search-results'), pickItem);
  let mode = null; // {kind: 'qty'|'disc', key} while the box collects a number for a line
  let scans = Promise.resolve(); // scans run one after another, in the order they were read
  let clearArmed = null;

  function render() {
    renderCart(cart, (key) => { cart.select(key); changed(); focus(); });
  }

  function changed() {
    ctx.saveCart();
    render();
  }

  function focus() {
    if (ctx.current() === 'sale') input.focus();
  }

  // --- scanning and search -------------------------------------------------------------

  function enqueueScan(code) {
    scans = scans.then(() => scan(code));
  }

  async function scan(code) {
    try {
      const result = await get(`/scan/${seg(code)}`);
      const line = cart.addScan(result, code);
      clearMessage();
      changed();
      if (line.unit === 'kg' && line.embedded === 'none') askWeight(line);
    } catch (e) {
      if (e.status === 404 || e.code === 'unknown_item') {
        showError(`Barcode ${code} not found`);
        beep();
      } else {
        showError(e);
      }
    }
  }

  function pickItem(item) {
    input.value = '';
    search.clear();
    const line = cart.addItem(item, 1);
    clearMessage();
    changed();
    if (line.unit === 'kg') askWeight(line);
    focus();
  }

  function askWeight(line) {
    startMode('qty', line);
  }

  async function searchNow(text) {
    const items = await search.flush(text);
    if (items.length === 1 && input.value.trim() === text) pickItem(items[0]);
  }

  // --- number entry modes (* quantity, % discount) ---------------------------------------

  function startMode(kind, line = cart.selected) {
    if (!line) { showError('Select a line first.'); return; }
    if (kind === 'qty' && line.embedded === 'weight') {
      showError('The weight comes from the label and cannot be changed.');
      return;
    }
    search.clear();
    mode = { kind, key: line.key };
    cart.select(line.key);
    render();
    const what = kind === 'qty' ? (line.unit === 'kg' ? 'Weight in kg' : 'Quantity') : 'Discount %';
    modeChip.textContent = `${what} for ${line.name}:`;
    modeChip.hidden = false;
    input.value = '';
    input.placeholder = 'Type a number and press Enter (Esc cancels)';
    focus();
  }

  function endMode() {
    mode = null;
    modeChip.hidden = true;
    input.value = '';
    input.placeholder = 'Scan a barcode or type to search';
  }

  function applyMode(text) {
    const { kind, key } = mode;
    if (text === '') { endMode(); return; }
    try {
      if (kind === 'qty') {
        const q = parseQuantity(text);
        if (q == null) throw new Error(`“${text}” is not a quantity.`);
        cart.setQuantity(key, q);
      } else {
        const pct = Number(text.replace(',', '.'));
        if (text.trim() === '' || Number.isNaN(pct)) throw new Error(`“${text}” is not a percentage.`);
        cart.setDiscountPct(key, pct);
      }
      endMode();
      clearMessage();
      changed();
    } catch (e) {
      input.select();
      showError(e);
    }
  }

  // --- line actions ---------------------------------------------------------------------

  function act(action) {
    try {
      const line = cart.selected;
      switch (action) {
        case 'inc': requireLine(line); cart.changeQuantity(line.key, 1); break;
        case 'dec': requireLine(line); cart.changeQuantity(line.key, -1); break;
        case 'remove': requireLine(line); cart.remove(line.key); break;
        case 'qty': startMode('qty'); return;
        case 'disc': startMode('disc'); return;
        case 'clear': clearSale(); return;
        default: return;
      }
      clearMessage();
      changed();
    } catch (e) {
      showError(e);
    }
  }

  function requireLine(line) {
    if (!line) throw new Error(cart.isEmpty ? 'The cart is empty.' : 'Select a line first.');
  }

  // A whole sale is a lot to lose to one stray tap, so clearing takes two presses.
  function clearSale() {
    const button = document.querySelector('[data-action="clear"]');
    if (cart.isEmpty) return;
    if (!clearArmed) {
      button.textContent = 'Press again to clear';
      clearArmed = setTimeout(() => { clearArmed = null; button.textContent = 'Clear sale'; }, 3000);
      return;
    }
    clearTimeout(clearArmed);
    clearArmed = null;
    button.textContent = 'Clear sale';
    if (mode) endMode();
    cart.clear();
    changed();
    showInfo('Sale cleared.');
  }

  function pay() {
    if (mode) endMode();
    search.clear();
    if (cart.isEmpty) { showError('The cart is empty: scan an item first.'); return; }
    ctx.go('tender');
  }

  // --- keyboard -------------------------------------------------------------------------

  const EMPTY_BOX_KEYS = { '+': 'inc', '-': 'dec', '*': 'qty', '%': 'disc', Delete: 'remove' };

  function onKeyDown(e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const text = input.value.trim();
    if (e.key === 'Enter') {
      e.preventDefault();
      onEnter(text);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (mode) endMode();
      input.value = '';
      search.clear();
      clearMessage();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (search.visible) search.move(step);
      else { cart.moveSelection(step); render(); }
    } else if (!mode && input.value === '' && EMPTY_BOX_KEYS[e.key]) {
      e.preventDefault();
      act(EMPTY_BOX_KEYS[e.key]);
    }
  }

  function onEnter(text) {
    if (mode) { applyMode(text); return; }
    if (search.visible && search.isFor(text) && search.activeItem) { pickItem(search.activeItem); return; }
    if (text === '') return;
    if (looksLikeBarcode(text)) {
      input.value = '';
      search.clear();
      enqueueScan(text);
    } else {
      searchNow(text);
    }
  }

  function onInput() {
    if (mode) return;
    const text = input.value.trim();
    if (text && !looksLikeBarcode(text)) search.update(text);
    else search.clear();
  }

  input.addEventListener('keydown', onKeyDown);
  input.addEventListener('input', onInput);
  input.addEventListener('blur', () => setTimeout(() => search.visible && document.activeElement !== input && search.clear(), 150));
  $('pay-button').addEventListener('click', pay);
  document.querySelectorAll('.line-actions [data-action]').forEach((b) => {
    keepFocus(b);
    b.addEventListener('click', () => { act(b.dataset.action); focus(); });
  });
  // Clicking anywhere that is not a field brings the cursor back to the scan box.
  $('view-sale').addEventListener('click', (e) => {
    if (!e.target.closest('input, select, textarea')) focus();
  });

  return {
    enter() {
      render();
      focus();
    },
    leave() {
      if (mode) endMode();
      search.clear();
    },
    /** Keys that reach the document while the sale screen shows (focus is elsewhere). */
    onKey(e) {
      if (e.key === 'F12') { e.preventDefault(); pay(); return; }
      if (document.activeElement !== input && !e.target.closest?.('input, select, textarea')) {
        input.focus();
        if (e.key.length > 1 || EMPTY_BOX_KEYS[e.key]) onKeyDown(e);
      }
    },
    focus,
    render,
  };
}
