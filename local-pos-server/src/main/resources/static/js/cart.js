// The cart of the sale in progress. Pure state (no DOM, no fetch) so it can be tested alone.
// Totals here are a preview for the cashier; the order the server returns is authoritative.

const round3 = (q) => Math.round(q * 1000) / 1000;

export class Cart {
  constructor(snapshot) {
    this.lines = [];
    this.selectedKey = null;
    this.nextKey = 1;
    if (snapshot) this.restore(snapshot);
  }

  /**
   * Adds what GET /api/scan (or a search pick) returned. Plain items merge into an existing
   * line; weighed labels never merge because each label is its own pack.
   */
  addScan({ item, quantity = 1, unitPriceCents = null, embedded = 'none' }, code = null) {
    const isLabel = embedded && embedded !== 'none';
    const qty = round3(Number(quantity) || 1);
    const price = unitPriceCents ?? item.priceCents;
    const same = this.lines.find((l) => embedded !== 'weight' && l.itemId === item.id
      && l.embedded === (isLabel ? embedded : 'none') && l.unitPriceCents === price
      && (isLabel ? l.barcode === code : true));
    if (same) {
      same.quantity = round3(same.quantity + qty);
      this.selectedKey = same.key;
      return same;
    }
    const line = {
      key: `L${this.nextKey++}`,
      itemId: item.id,
      barcode: isLabel ? code : null,
      embedded: isLabel ? embedded : 'none',
      name: item.name,
      sku: item.sku ?? null,
      unit: item.unit || 'each',
      quantity: qty,
      unitPriceCents: price,
      taxRateBp: item.taxRateBp ?? 0,
      taxInclusive: item.taxInclusive ?? true,
      discountPct: 0,
    };
    this.lines.push(line);
    this.selectedKey = line.key;
    return line;
  }

  addItem(item, quantity = 1) {
    return this.addScan({ item, quantity });
  }

  get selected() {
    return this.lines.find((l) => l.key === this.selectedKey) ?? null;
  }

  select(key) {
    if (this.lines.some((l) => l.key === key)) this.selectedKey = key;
  }

  moveSelection(step) {
    if (!this.lines.length) return;
    const i = this.lines.findIndex((l) => l.key === this.selectedKey);
    const next = i < 0 ? this.lines.length - 1 : Math.min(this.lines.length - 1, Math.max(0, i + step));
    this.selectedKey = this.lines[next].key;
  }

  /** Throws with a cashier-readable reason when the change makes no sense for the line. */
  setQuantity(key, quantity) {
    const line = this.#line(key);
    if (line.embedded === 'weight') throw new Error('The weight comes from the label and cannot be changed.');
    const q = round3(Number(quantity));
    if (!(q > 0)) throw new Error('Quantity must be more than zero.');
    if (line.unit !== 'kg' && !Number.isInteger(q)) throw new Error(`${line.name} is sold by the piece: enter a whole number.`);
    if (q > 9999) throw new Error('That quantity is too large.');
    line.quantity = q;
  }

  changeQuantity(key, delta) {
    const line = this.#line(key);
    if (line.unit === 'kg' && line.embedded !== 'weight') throw new Error('Weighed item: press * and type the weight.');
    const q = round3(line.quantity + delta);
    if (q < 1) throw new Error('Quantity is already 1: press Delete to remove the line.');
    this.setQuantity(key, q);
  }

  setDiscountPct(key, pct) {
    const line = this.#line(key);
    const p = Number(pct);
    if (!(p >= 0 && p <= 100)) throw new Error('A discount is between 0 and 100 %.');
    line.discountPct = Math.round(p * 100) / 100;
  }

  remove(key) {
    const i = this.lines.findIndex((l) => l.key === key);
    if (i < 0) return;
    this.lines.splice(i, 1);
    const next = this.lines[Math.min(i, this.lines.length - 1)];
    this.selectedKey = next ? next.key : null;
  }

  clear() {
    this.lines = [];
    this.selectedKey = null;
  }

  get isEmpty() {
    return this.lines.length === 0;
  }

  /** Same arithmetic as the API docs: total = subtotal − discount + exclusive tax. */
  totals() {
    let subtotalCents = 0; let discountCents = 0; let taxCents = 0; let exclusiveTaxCents = 0;
    const lines = this.lines.map((l) => {
      const amounts = lineAmounts(l);
      subtotalCents += amounts.grossCents;
      discountCents += amounts.discountCents;
      taxCents += amounts.taxCents;
      if (!l.taxInclusive) exclusiveTaxCents += amounts.taxCents;
      return { key: l.key, ...amounts };
    });
    return {
      subtotalCents, discountCents, taxCents,
      totalCents: subtotalCents - discountCents + exclusiveTaxCents,
      lineCount: this.lines.length,
      lines,
    };
  }

  /** Lines as POST /api/orders wants them: labels go by barcode so the server reads the label. */
  toOrderLines() {
    return this.lines.map((l) => {
      const ref = l.embedded !== 'none' && l.barcode ? { barcode: l.barcode } : { itemId: l.itemId };
      return { ...ref, quantity: l.quantity, discountCents: lineAmounts(l).discountCents };
    });
  }

  snapshot() {
    return { lines: this.lines, selectedKey: this.selectedKey, nextKey: this.nextKey };
  }

  restore(s) {
    this.lines = Array.isArray(s.lines) ? s.lines : [];
    this.selectedKey = s.selectedKey ?? null;
    this.nextKey = s.nextKey ?? this.lines.length + 1;
  }

  #line(key) {
    const line = this.lines.find((l) => l.key === key);
    if (!line) throw new Error('Select a line first.');
    return line;
  }
}

export function lineAmounts(line) {
  const grossCents = Math.round(line.quantity * line.unitPriceCents);
  const discountCents = Math.min(grossCents, Math.round((grossCents * (line.discountPct || 0)) / 100));
  const net = grossCents - discountCents;
  const bp = line.taxRateBp || 0;
  const taxCents = line.taxInclusive
    ? Math.round((net * bp) / (10000 + bp))
    : Math.round((net * bp) / 10000);
  return { grossCents, discountCents, netCents: net, taxCents };
}
