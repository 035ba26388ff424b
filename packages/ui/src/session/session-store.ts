import { useSyncExternalStore } from "react";

/**
 * `expired` differs from `signed_out`: the app stays mounted (inert) behind the sign-in dialog so that
 * unsaved input survives, and the user returns to where they were after signing in again.
 */
export type SessionState = "unknown" | "signed_in" | "signed_out" | "expired";

export interface SessionStore {
  get(): SessionState;
  set(next: SessionState): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(initial: SessionState = "unknown"): SessionStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const useSessionState = (store: SessionStore): SessionState =>
  useSyncExternalStore(store.subscribe, store.get, store.get);
