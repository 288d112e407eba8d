// Split-payment arithmetic for the tender screen, mirroring the server's rules:
// card/other may not exceed what is due, cash may (the excess is change), and the cash part
// is rounded to the shop's cash rounding step when cash is used.

export function roundTo(cents, step) {
  if (!step || step <= 1) return cents;
  return Math.round(cents / step) * step;
}

/**
 * @param totalCents order total from the cart preview
 * @param pay {cash, card, other} in cents
 * @param cashRoundingCents step from GET /api/shop
 */
export function computeTender(totalCents, pay, cashRoundingCents = 1) {
  const cash = pay.cash || 0; const card = pay.card || 0; const other = pay.other || 0;
  const nonCash = card + other;
  const paidCents = cash + nonCash;
  if (nonCash > totalCents) {
    return {
      dueCents: totalCents, paidCents, remainingCents: 0, changeCents: 0, roundingCents: 0,
      ok: false, problem: 'Card and other payments cannot be more than the total.',
    };
  }
  const cashPart = totalCents - nonCash;
  // Rounding only matters when cash settles part of the sale.
  const roundedCashPart = cash > 0 ? roundTo(cashPart, cashRoundingCents) : cashPart;
  const dueCents = nonCash + roundedCashPart;
  const remainingCents = Math.max(0, dueCents - paidCents);
  const changeCents = Math.max(0, cash - roundedCashPart);
  return {
    dueCents, paidCents, remainingCents, changeCents,
    roundingCents: roundedCashPart - cashPart,
    ok: remainingCents === 0 && totalCents >= 0,
    problem: null,
  };
}

/** The cash that settles the rest exactly, after what card/other already cover. */
export function exactCash(totalCents, pay, cashRoundingCents = 1) {
  const nonCash = (pay.card || 0) + (pay.other || 0);
  return Math.max(0, roundTo(totalCents - nonCash, cashRoundingCents));
}

/** What is still open for a non-cash method, ignoring what is typed in that method itself. */
export function exactFor(method, totalCents, pay) {
  const others = ['cash', 'card', 'other'].filter((m) => m !== method)
    .reduce((sum, m) => sum + (pay[m] || 0), 0);
  return Math.max(0, totalCents - others);
}

/** Note values offered as one-touch cash buttons: the next notes above the amount due. */
export function quickCashOptions(dueCents) {
  const notes = [500, 1000, 2000, 5000, 10000, 20000];
  const out = [];
  for (const n of notes) {
    const v = Math.ceil(dueCents / n) * n;
    if (v > dueCents && !out.includes(v)) out.push(v);
    if (out.length === 3) break;
  }
  return out;
}
