// EAN-13 helpers. The server resolves codes (GET /api/scan); these only help the UI decide
// whether typed input is a barcode and explain embedded-price labels.

export function isDigits(text) {
  return /^\d+$/.test(String(text ?? ''));
}

/** Check digit for the first 12 digits of an EAN-13 (weights 1,3,1,3… from the left). */
export function ean13CheckDigit(first12) {
  if (!/^\d{12}$/.test(first12)) throw new Error('need exactly 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code) {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

export function makeEan13(first12) {
  return first12 + ean13CheckDigit(first12);
}

/** In-store labels (prefix 20–29) carry a price or a weight in digits 8–12. */
export function isEmbeddedEan13(code) {
  return isValidEan13(code) && code[0] === '2';
}

/** {itemCode, value}: value is cents or grams depending on how the item is sold. */
export function decodeEmbedded(code) {
  if (!isEmbeddedEan13(code)) return null;
  return { itemCode: code.slice(0, 7), value: Number(code.slice(7, 12)) };
}

/** Anything made only of digits is sent to the scanner endpoint rather than to search. */
export function looksLikeBarcode(text) {
  return /^\d{1,20}$/.test(String(text ?? '').trim());
}
