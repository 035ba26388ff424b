import { randomBytes } from "node:crypto";
import type { AppPlugin } from "../server/build-app.js";
import { lifecycleOf } from "../server/lifecycle.js";
import { cleanStaleIngestTemp } from "../services/recordings/clean-ingest-temp.js";
import { createRecordingStorage, type RecordingStorage } from "../services/recordings/recording-storage.js";
import type { AppDeps } from "../trpc/context.js";
import { registerAudioRoute } from "./audio-route.js";
import { registerIngestRoute } from "./ingest-route.js";
import { registerPeaksRoute } from "./peaks-route.js";

/**
 * Ingest (machine token), audio streaming and peaks (session cookie). The encrypted store and the audio
 * worker pool are built once per app and closed with it.
 */
/** Readiness (/readyz): the object store takes, returns and deletes a probe; every audio worker runs. */
function registerStorageReadiness(deps: AppDeps, storage: RecordingStorage): void {
  const checks = lifecycleOf(deps).checks;
  const probeKey = `health/${randomBytes(8).toString("hex")}`;
  checks.set("storage", async () => {
    const probe = randomBytes(32);
    await storage.store.inner.put(probeKey, probe);
    const back = await storage.store.inner.getRange(probeKey, 0, probe.length - 1);
    await storage.store.inner.delete(probeKey);
    if (!probe.equals(back)) throw new Error("storage returned different bytes than written");
  });
  checks.set("audioWorkers", async () => {
    const { running, size } = await storage.pool.ensureRunning();
    if (running < size) throw new Error(`${running} of ${size} audio workers running`);
  });
}

export const recordingsPlugin: AppPlugin = async (app, deps) => {
  // File ages are wall-clock facts, so the real time is compared here, not the app clock.
  const removed = await cleanStaleIngestTemp(deps.config.dataDir, new Date());
  if (removed > 0) deps.log.warn({ removed }, "removed ingest temp files left by an earlier crash");
  const storage = createRecordingStorage(deps.config, deps.masterKey);
  app.addHook("onClose", async () => storage.close());
  registerStorageReadiness(deps, storage);
  registerIngestRoute(app, deps, storage);
  registerAudioRoute(app, deps, storage);
  registerPeaksRoute(app, deps);
};
