// Sending something that must happen exactly once (a sale, a refund). The server is
// idempotent on the id we made, so on "no answer" we send the SAME request again until it
// answers; a definite answer (success or a 4xx refusal) ends the loop.

const DELAYS_MS = [500, 1000, 2000, 4000, 5000];

/**
 * @param send       () => Promise — performs the request (same id every time)
 * @param onRetry    (attempt, error, delayMs) => void — tell the cashier we are retrying
 * @param waiter     optional {wait(ms) => Promise} so the UI can offer "Retry now"
 */
export async function sendUntilAnswered(send, { onRetry = () => {}, waiter = defaultWaiter } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (!e?.retryable) throw e;
      const delay = DELAYS_MS[Math.min(attempt - 1, DELAYS_MS.length - 1)];
      onRetry(attempt, e, delay);
      await waiter.wait(delay);
    }
  }
}

const defaultWaiter = { wait: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** A wait that the cashier can cut short with a "Retry now" button. */
export function interruptibleWaiter() {
  let wake = null;
  return {
    wait(ms) {
      return new Promise((resolve) => {
        const t = setTimeout(done, ms);
        function done() { clearTimeout(t); wake = null; resolve(); }
        wake = done;
      });
    },
    now() { if (wake) wake(); },
  };
}
