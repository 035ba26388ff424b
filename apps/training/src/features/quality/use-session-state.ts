import { useEffect, useState } from "react";

const PREFIX = "kuulo.draft.";

/**
 * State kept in sessionStorage (this tab only), so a reload or an ended session does not lose work in
 * progress; `clear` forgets it once the work is saved.
 */
export function useSessionState<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  return [value, setValue, () => sessionStorage.removeItem(storageKey)];
}
