import { DomainError } from "@kuulo/domain/errors";
import type { EncryptedBlobStore } from "../../storage/index.js";
import type { AppDeps } from "../../trpc/context.js";

/**
 * The encrypted blob store, wired into AppDeps as `store` by the recordings area (build-app). Read
 * through this one accessor so purge, erasure and export packages fail closed when it is missing.
 */
export function storeOf(deps: AppDeps): EncryptedBlobStore {
  const store = (deps as AppDeps & { store?: EncryptedBlobStore }).store;
  if (!store) {
    throw new DomainError("INTERNAL", "Audio storage is not configured", { reason: "storage.missing" });
  }
  return store;
}
