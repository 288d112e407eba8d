// Search-as-you-type under the scan box: debounced GET /api/items?q=, arrow keys move the
// highlight, Enter or a click picks. Answers to older queries are dropped so a slow reply
// never replaces the results of what the cashier typed last.

import { get, query } from '../api.js';
import { el, replace } from '../dom.js';
import { formatMoney } from '../money.js';
import { showError } from '../message.js';

const DEBOUNCE_MS = 150;
const LIMIT = 8;

export function createSearchBox(list, onPick) {
  let items = [];
  let active = -1;
  let shownFor = null;
  let seq = 0;
  let timer = null;

  async function run(text) {
    const mine = ++seq;
    try {
      const data = await get(`/items${query({ q: text, limit: LIMIT })}`);
      if (mine !== seq) return items;
      items = data?.items ?? [];
      shownFor = text;
      active = items.length ? 0 : -1;
      render();
    } catch (e) {
      if (mine === seq) showError(e);
    }
    return items;
  }

  function render() {
    if (shownFor == null) { list.hidden = true; return; }
    replace(list, items.length
      ? items.map((item, i) => el('li', {
        class: `search-result${i === active ? ' active' : ''}`,
        role: 'option',
        'aria-selected': String(i === active),
        dataset: { index: i },
        onmousedown: (e) => { e.preventDefault(); onPick(item); },
      }, el('span', { class: 'r-name' }, item.name),
      el('span', { class: 'r-sku' }, item.sku ?? ''),
      el('span', { class: 'r-price' }, formatMoney(item.priceCents), item.unit === 'kg' ? ' /kg' : '')))
      : [el('li', { class: 'search-empty' }, `No items match “${shownFor}”`)]);
    list.hidden = false;
    list.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
  }

  return {
    /** Called on every keystroke with letters in it. */
    update(text) {
      clearTimeout(timer);
      timer = setTimeout(() => run(text), DEBOUNCE_MS);
    },
    /** Enter pressed before the debounce fired: search now and return the items. */
    async flush(text) {
      clearTimeout(timer);
      if (shownFor === text) return items;
      return run(text);
    },
    clear() {
      clearTimeout(timer);
      seq++;
      items = []; active = -1; shownFor = null;
      render();
    },
    get visible() { return shownFor != null; },
    isFor(text) { return shownFor === text; },
    move(step) {
      if (!items.length) return;
      active = (active + step + items.length) % items.length;
      render();
    },
    get activeItem() { return items[active] ?? null; },
  };
}
