import { useEffect } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

const PREFIX = "kuulo.draft.";
const SECRET_FIELD = /password|secret|code|token/i;

/**
 * Keeps a form's non-secret input in sessionStorage (this tab only) so a session that ends mid-edit,
 * or a reload, does not silently lose it. Passwords, codes and tokens are never stored.
 */
export function useFormDraft<T extends FieldValues>(key: string, form: UseFormReturn<T>): { clear(): void } {
  const storageKey = PREFIX + key;
  useEffect(() => {
    const saved = readDraft(storageKey);
    if (saved) form.reset({ ...form.getValues(), ...saved } as T, { keepDefaultValues: true });
    const subscription = form.watch((values) => writeDraft(storageKey, values));
    return () => subscription.unsubscribe();
  }, [storageKey, form]);
  return { clear: () => sessionStorage.removeItem(storageKey) };
}

export function readDraft(storageKey: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(storageKey: string, values: Record<string, unknown>): void {
  sessionStorage.setItem(storageKey, JSON.stringify(withoutSecrets(values)));
}

export function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELD.test(name)));
}
