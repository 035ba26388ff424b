import { createRecordingStorage } from "../recordings/recording-storage.js";
import type { AppPlugin } from "../server/build-app.js";
import { registerAudioRoute } from "./audio-route.js";
import { registerIngestRoute } from "./ingest-route.js";
import { registerPeaksRoute } from "./peaks-route.js";

/**
 * Ingest (machine token), audio streaming and peaks (session cookie). The encrypted store and the audio
 * worker pool are built once per app and closed with it.
 */
export const recordingsPlugin: AppPlugin = (app, deps) => {
  const storage = createRecordingStorage(deps.config, deps.masterKey);
  app.addHook("onClose", async () => storage.close());
  registerIngestRoute(app, deps, storage);
  registerAudioRoute(app, deps, storage);
  registerPeaksRoute(app, deps);
};
