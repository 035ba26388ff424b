import type { AppPlugin } from "../server/build-app.js";
import { cleanStaleIngestTemp } from "../services/recordings/clean-ingest-temp.js";
import { createRecordingStorage } from "../services/recordings/recording-storage.js";
import { registerAudioRoute } from "./audio-route.js";
import { registerIngestRoute } from "./ingest-route.js";
import { registerPeaksRoute } from "./peaks-route.js";

/**
 * Ingest (machine token), audio streaming and peaks (session cookie). The encrypted store and the audio
 * worker pool are built once per app and closed with it.
 */
export const recordingsPlugin: AppPlugin = async (app, deps) => {
  // File ages are wall-clock facts, so the real time is compared here, not the app clock.
  const removed = await cleanStaleIngestTemp(deps.config.dataDir, new Date());
  if (removed > 0) deps.log.warn({ removed }, "removed ingest temp files left by an earlier crash");
  const storage = createRecordingStorage(deps.config, deps.masterKey);
  app.addHook("onClose", async () => storage.close());
  registerIngestRoute(app, deps, storage);
  registerAudioRoute(app, deps, storage);
  registerPeaksRoute(app, deps);
};
