// Money is integer cents everywhere; only this module turns it into text and back.
// Amounts are always shown with two decimals and no grouping, so the cashier (and a test)
// sees exactly what the receipt prints, whatever the browser's locale.

let currencyCode = 'EUR';
let symbol = '€';

export function setCurrency(code) {
  currencyCode = code || 'EUR';
  symbol = currencySymbol(currencyCode);
}

export function currency() {
  return currencyCode;
}

function currencySymbol(code) {
  try {
    const parts = new Intl.NumberFormat('en', {
      style: 'currency', currency: code, currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? `${code} `;
  } catch {
    return `${code} `;
  }
}

/** "12.50" for 1250; no symbol, for input fields. */
export function formatAmount(cents) {
  if (cents == null || !Number.isFinite(Number(cents))) return '';
  const n = Math.round(Number(cents));
  const abs = Math.abs(n);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return n < 0 ? `-${text}` : text;
}

/** "€12.50", "-€3.00"; "–" when there is no amount. */
export function formatMoney(cents) {
  if (cents == null || !Number.isFinite(Number(cents))) return '–';
  const text = formatAmount(cents);
  return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

/**
 * Parses what a cashier types ("12", "12.5", "12,50") into cents.
 * Returns 0 for an empty field and null for anything that is not an amount,
 * so callers can tell "nothing entered" from "typo".
 */
export function parseMoney(text) {
  const s = String(text ?? '').trim().replace(',', '.');
  if (s === '') return 0;
  const m = /^(\d{0,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return null;
  return Number(m[1] || 0) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

/** Quantities have up to 3 decimals (kg); trailing zeros are noise on a till. */
export function formatQuantity(quantity, unit) {
  const q = Math.round(Number(quantity) * 1000) / 1000;
  const text = unit === 'kg' ? q.toFixed(3) : String(q);
  return unit === 'kg' ? `${text} kg` : text;
}

export function parseQuantity(text) {
  const s = String(text ?? '').trim().replace(',', '.');
  if (!/^\d{0,6}(\.\d{0,3})?$/.test(s) || s === '' || s === '.') return null;
  const q = Number(s);
  return q > 0 ? Math.round(q * 1000) / 1000 : null;
}
