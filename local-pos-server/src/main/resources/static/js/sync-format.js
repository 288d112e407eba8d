// Words for the sync panel. Pure functions of (status, now) so they can be tested alone.

export const STATE_LABELS = {
  online: 'Online', offline: 'Offline', syncing: 'Syncing…', standalone: 'Standalone',
};

/** The badge text: a standalone till never syncs, and a browser that knows it is offline wins. */
export function stateLabel(status, browserOffline) {
  if (status?.standalone || status?.state === 'standalone') return STATE_LABELS.standalone;
  if (browserOffline) return STATE_LABELS.offline;
  return STATE_LABELS[status?.state] ?? STATE_LABELS.offline;
}

export function stateClass(label) {
  return { Online: 'online', Offline: 'offline', 'Syncing…': 'syncing', Standalone: 'standalone' }[label] ?? 'offline';
}

function toMillis(time) {
  if (time == null || time === '') return null;
  const t = typeof time === 'number' ? time : Date.parse(time);
  return Number.isFinite(t) ? t : null;
}

/** "just now", "1 min ago", "2 h ago", "3 days ago", "never". */
export function relativeTime(time, now = Date.now()) {
  const t = toMillis(time);
  if (t == null) return 'never';
  const s = Math.max(0, (now - t) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86400);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}

/** A span of time without "ago": "<1 min", "12 min", "2 h 5 min", "3 days". */
export function age(time, now = Date.now()) {
  const t = toMillis(time);
  if (t == null) return null;
  const m = Math.floor(Math.max(0, now - t) / 60000);
  if (m < 1) return '<1 min';
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
  const d = Math.floor(m / 1440);
  return d === 1 ? '1 day' : `${d} days`;
}

/** "3 sales waiting, oldest 12 min" / "Nothing waiting". Prefers the sales-up stream's numbers. */
export function pendingText(status, now = Date.now()) {
  const up = status?.streams?.salesUp ?? {};
  const count = up.pendingCount ?? status?.pendingCount ?? 0;
  if (!count) return 'Nothing waiting';
  const oldest = age(up.oldestPendingAt ?? status?.oldestPendingAt, now);
  const what = count === 1 ? '1 sale waiting' : `${count} sales waiting`;
  return oldest ? `${what}, oldest ${oldest}` : what;
}

export function quarantinedText(status) {
  const n = status?.quarantinedCount ?? 0;
  if (!n) return null;
  return n === 1 ? '1 change held for support' : `${n} changes held for support`;
}

const KNOWN_ERRORS = {
  schema_update_required: 'This till needs an update before it can receive catalog changes.',
  hub_unreachable: 'The head office server cannot be reached.',
  unauthorized: 'The head office did not accept this till\'s credentials.',
  timeout: 'The head office server did not answer in time.',
};

/** Turns whatever lastError holds (sentence, code, or problem object) into words. */
export function errorText(error) {
  if (error == null || error === '') return null;
  if (typeof error === 'object') return errorText(error.detail ?? error.message ?? error.code ?? null);
  const s = String(error).trim();
  if (KNOWN_ERRORS[s]) return KNOWN_ERRORS[s];
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(s)) {
    const words = s.replace(/_/g, ' ');
    return words[0].toUpperCase() + words.slice(1);
  }
  return s;
}

/** The most useful single error: overall first, then the stream that failed. */
export function lastErrorOf(status) {
  return errorText(status?.lastError)
    ?? errorText(status?.streams?.salesUp?.lastError)
    ?? errorText(status?.streams?.catalogDown?.lastError);
}

export function bootstrapText(bootstrap) {
  if (!bootstrap?.inProgress) return null;
  const received = bootstrap.received ?? 0;
  return bootstrap.total ? `Downloading catalog: ${received}/${bootstrap.total}` : `Downloading catalog: ${received}`;
}

/** "about 2 min left" from seconds; null when unknown. */
export function etaText(seconds) {
  if (seconds == null) return null;
  if (seconds < 60) return 'less than a minute left';
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m ? `about ${h} h ${m} min left` : `about ${h} h left`;
}

/** A joining till's history upload (status.history), or null when there is nothing to say. */
export function historyText(history) {
  if (!history) return null;
  const n = (v) => Number(v ?? 0).toLocaleString('en');
  switch (history.state) {
    case 'started': return 'Joining the chain: matching the catalog with head office…';
    case 'catalog_matched': {
      if (history.remaining > 0) {
        const eta = etaText(history.etaSeconds);
        return `Uploading history: ${n(history.uploaded)} of ${n(history.total)}${eta ? ` — ${eta}` : ''}`;
      }
      return 'History uploaded — checking it arrived complete…';
    }
    case 'verified': return 'Joined the chain — verified';
    default: return null;
  }
}
