// The receipt after a sale (or a reprint/refund from the orders screen).
// Enter or Esc leaves: to a fresh sale, or back to the orders list for a reprint.

import { $ } from '../dom.js';
import { renderReceipt } from './receipt-render.js';

export function createReceiptView(ctx) {
  let back = 'sale';

  function done() {
    ctx.go(back);
  }

  $('print-receipt').addEventListener('click', () => window.print());
  $('new-sale').addEventListener('click', done);

  return {
    enter({ order, back: backTo = 'sale' } = {}) {
      back = backTo;
      if (order) renderReceipt($('receipt'), order, ctx.shop);
      $('new-sale').firstChild.textContent = back === 'sale' ? 'New sale ' : 'Back to orders ';
      $('view-receipt').focus();
    },
    leave() {},
    onKey(e) {
      if (e.key === 'Enter' || e.key === 'Escape') {
        // Enter on the focused Print button means print, not "leave".
        if (e.key === 'Enter' && e.target.id === 'print-receipt') return;
        e.preventDefault();
        done();
      } else if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        window.print();
      } else if (e.key === 'F12') {
        e.preventDefault();
      } else if (back === 'sale' && /^[0-9a-zA-Z]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
        // The next customer's first scan starts the new sale; the key lands in the scan box.
        done();
      }
    },
  };
}
