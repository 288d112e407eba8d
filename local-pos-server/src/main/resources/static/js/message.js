// The message area (#message): one line the cashier can always see. Errors stay until the
// next action replaces them or the cashier dismisses them; confirmations fade by themselves.

import { $ } from './dom.js';

let timer = null;

function set(text, kind, ttlMs) {
  const box = $('message');
  clearTimeout(timer);
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = false;
  if (ttlMs) timer = setTimeout(clearMessage, ttlMs);
}

/** Accepts an Error (shows its message, which api.js made readable) or plain text. */
export function showError(errorOrText) {
  const text = typeof errorOrText === 'string' ? errorOrText
    : errorOrText?.message || 'Something went wrong.';
  set(text, 'error', 0);
}

export function showInfo(text, ttlMs = 4000) {
  set(text, 'info', ttlMs);
}

export function showSuccess(text, ttlMs = 3000) {
  set(text, 'success', ttlMs);
}

export function clearMessage() {
  clearTimeout(timer);
  const box = $('message');
  box.hidden = true;
  box.textContent = '';
}

export function initMessage() {
  $('message').addEventListener('click', clearMessage);
}

let audio = null;

/** A short low beep for "not found"; silently skipped where audio is unavailable. */
export function beep() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 220;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.15);
  } catch {
    // No audio device or autoplay policy: the visible message is enough.
  }
}
