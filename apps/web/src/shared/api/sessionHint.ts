/**
 * Whether this browser signed in and has not signed out since. The session cookie is httpOnly, so
 * the page cannot see it; without this hint every first visit would probe GET /api/auth/me only to
 * be told 401. The server stays the judge: a set hint with an expired session still ends at /login.
 */
const key = 'stip.signedIn';

export const sessionHint = {
  isSet(): boolean {
    try {
      return window.localStorage.getItem(key) === '1';
    } catch {
      // Storage blocked (strict privacy settings): ask the server every time.
      return true;
    }
  },
  set(): void {
    try {
      window.localStorage.setItem(key, '1');
    } catch {
      // nothing to remember with
    }
  },
  clear(): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing to forget
    }
  },
};
