// The one place that talks HTTP. Every failure becomes an Error whose message a cashier can
// read: a problem+json's `detail`, never raw JSON or an HTML error page.

const TIMEOUT_MS = 15000;

/** The server answered and said no (4xx/5xx). `retryable` marks answers worth trying again. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The till server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? null;
    this.retryable = status === 502 || status === 503 || status === 504;
  }
}

/** No answer at all: the server is down, restarting, or the request timed out. */
export class NetworkError extends Error {
  constructor(cause) {
    super('The till server is not responding.');
    this.name = 'NetworkError';
    this.cause = cause;
    this.retryable = true;
  }
}

export async function request(method, path, body, { timeoutMs = TIMEOUT_MS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (e) {
    throw new NetworkError(e);
  } finally {
    clearTimeout(timer);
  }
  const data = await readBody(res);
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : null);
  return data;
}

async function readBody(res) {
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  try {
    if (type.includes('json')) return await res.json();
    await res.text();
  } catch {
    // An unreadable body is treated like no body; the status still tells the story.
  }
  return null;
}

export const get = (path, opts) => request('GET', path, undefined, opts);
export const post = (path, body, opts) => request('POST', path, body ?? {}, opts);
export const put = (path, body, opts) => request('PUT', path, body ?? {}, opts);

/** Builds "?a=1&b=2", skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const seg = (s) => encodeURIComponent(String(s));
