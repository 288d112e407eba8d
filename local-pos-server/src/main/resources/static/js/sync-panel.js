// The always-visible sync status bar. Server-Sent Events bring changes as they happen; a
// 10 s poll covers a dropped stream; the browser's own online/offline events are trusted
// at once because the cashier should not wait for the next sync attempt to learn the truth.

import { get, post } from './api.js';
import { $ } from './dom.js';
import { showError, showSuccess } from './message.js';
import {
  bootstrapText, historyText, lastErrorOf, pendingText, quarantinedText, relativeTime, stateClass, stateLabel,
} from './sync-format.js';

const POLL_MS = 10000;
const FOCUS_SYNC_MIN_GAP_MS = 30000;
const SSE_RETRY_MS = 5000;

export function createSyncPanel({ standalone = false } = {}) {
  const panel = $('sync-panel');
  const button = $('sync-now');
  let status = standalone ? { state: 'standalone', standalone: true } : null;
  let browserOffline = navigator.onLine === false;
  let serverDown = false;
  let syncing = false;
  let lastEventAt = 0;
  let lastAutoSyncAt = Date.now(); // the server syncs at start by itself; no extra sync on first focus
  let source = null;

  const isStandalone = () => Boolean(standalone || status?.standalone || status?.state === 'standalone');

  function render() {
    const standaloneNow = isStandalone();
    let label = stateLabel(status, browserOffline || serverDown);
    if (syncing && !standaloneNow && !browserOffline && !serverDown) label = 'Syncing…';
    const state = $('sync-state');
    state.textContent = label;
    state.className = `sync-state ${stateClass(label)}`;
    for (const c of ['online', 'offline', 'syncing', 'standalone']) panel.classList.toggle(c, stateClass(label) === c);

    $('sync-last').textContent = status ? relativeTime(status.lastSyncedAt) : '–';
    $('sync-pending').textContent = status ? pendingText(status) : '–';
    const quarantined = quarantinedText(status);
    $('sync-quarantined').hidden = !quarantined;
    $('sync-quarantined').textContent = quarantined ?? '';

    const error = serverDown ? 'The till server is not responding.' : lastErrorOf(status);
    $('sync-error').hidden = !error;
    $('sync-error').textContent = error ?? '';
    $('sync-error').title = error ?? '';

    button.hidden = standaloneNow;
    button.disabled = syncing;
    $('update-banner').hidden = !status?.needsUpdate;
    renderBootstrap(status?.bootstrap);
    renderHistory(status?.history);
  }

  function renderHistory(history) {
    const text = historyText(history);
    const bar = $('history-progress');
    bar.hidden = !text;
    if (!text) return;
    $('history-text').textContent = text;
    const total = history.total || 0;
    bar.setAttribute('aria-valuenow', String(history.uploaded || 0));
    if (total) bar.setAttribute('aria-valuemax', String(total));
    $('history-fill').style.width = total ? `${Math.round(((history.uploaded || 0) / total) * 100)}%` : '100%';
  }

  function renderBootstrap(bootstrap) {
    const text = bootstrapText(bootstrap);
    const bar = $('bootstrap-progress');
    bar.hidden = !text;
    if (!text) return;
    $('bootstrap-text').textContent = text;
    const total = bootstrap.total || 0;
    const received = Math.min(bootstrap.received || 0, total || Infinity);
    bar.setAttribute('aria-valuenow', String(received));
    if (total) bar.setAttribute('aria-valuemax', String(total));
    $('bootstrap-fill').style.width = total ? `${Math.round((received / total) * 100)}%` : '5%';
  }

  function apply(next) {
    if (!next || typeof next !== 'object') return;
    status = next;
    serverDown = false;
    render();
  }

  async function poll() {
    try {
      apply(await get('/sync/status', { timeoutMs: 8000 }));
    } catch (e) {
      if (e.name === 'NetworkError') { serverDown = true; render(); }
    }
  }

  /** POST /api/sync. `manual` means the cashier pressed the button and wants to hear the outcome. */
  async function syncNow(manual = false) {
    if (isStandalone() || syncing) return;
    syncing = true;
    lastAutoSyncAt = Date.now();
    render();
    try {
      const result = await post('/sync', {}, { timeoutMs: 120000 });
      apply(result?.status);
      if (manual && result?.outcome === 'ok') showSuccess('Sync finished.');
      if (manual && result?.outcome === 'failed') showError(`Sync failed: ${lastErrorOf(result.status) ?? 'the head office could not be reached.'}`);
    } catch (e) {
      if (manual) showError(e);
    } finally {
      syncing = false;
      render();
    }
  }

  function connect() {
    if (typeof EventSource === 'undefined') return;
    source = new EventSource('/api/sync/events');
    source.addEventListener('status', (e) => {
      lastEventAt = Date.now();
      try { apply(JSON.parse(e.data)); } catch { /* a garbled event: the next one or the poll fixes it */ }
    });
    source.addEventListener('error', () => {
      // EventSource reconnects by itself unless the server answered with something that is not
      // an event stream; then it gives up for good, so we start a new one a little later.
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, SSE_RETRY_MS);
      }
    });
  }

  function maybeSyncOnReturn() {
    if (document.visibilityState === 'hidden') return;
    if (isStandalone() || browserOffline) { poll(); return; }
    if (Date.now() - lastAutoSyncAt < FOCUS_SYNC_MIN_GAP_MS) return;
    syncNow(false);
  }

  window.addEventListener('offline', () => {
    browserOffline = true;
    render();
  });
  window.addEventListener('online', () => {
    browserOffline = false;
    render();
    if (isStandalone()) poll();
    else syncNow(false).then(poll);
  });
  document.addEventListener('visibilitychange', maybeSyncOnReturn);
  window.addEventListener('focus', maybeSyncOnReturn);
  button.addEventListener('click', () => syncNow(true));

  render();
  connect();
  poll();
  setInterval(() => {
    // With a live event stream the poll is redundant; it only fills in when events stop.
    if (Date.now() - lastEventAt > POLL_MS / 2) poll();
    else render(); // keeps "2 min ago" moving
  }, POLL_MS);

  return {
    refresh: poll,
    syncNow,
    get status() { return status; },
  };
}
