import { createEncryptedStore, type EncryptedBlobStore } from "../../storage/index.js";
import { createBlobStore, createKeyring } from "../recordings/recording-storage.js";
import type { AppDeps } from "../shared/service-context.js";

const built = new WeakMap<object, EncryptedBlobStore>();

/**
 * The encrypted blob store for purge, erasure and export packages: `deps.store` when the app wires one
 * (tests inject theirs), otherwise one built from the same configuration and master key as the
 * recordings area uses (stateless, so a second instance sees the same objects).
 */
export function storeOf(deps: Pick<AppDeps, "config" | "masterKey">): EncryptedBlobStore {
  const injected = (deps as { store?: EncryptedBlobStore }).store;
  if (injected) return injected;
  const cached = built.get(deps.config);
  if (cached) return cached;
  const store = createEncryptedStore(
    createBlobStore(deps.config.storage),
    createKeyring(deps.masterKey, deps.config.previousMasterKeys),
  );
  built.set(deps.config, store);
  return store;
}
