import { router } from "../trpc/init.js";
import { apiTokensRouter } from "./api-tokens/index.js";
import { auditRouter } from "./audit/index.js";
import { authRouter } from "./auth/index.js";
import { disclosuresRouter } from "./disclosures/index.js";
import { grantsRouter } from "./grants/index.js";
import { inboxRouter } from "./inbox/index.js";
import { legalHoldsRouter } from "./legal-holds/index.js";
import { organisationsRouter } from "./organisations/index.js";
import { playlistsRouter } from "./playlists/index.js";
import { qualityRouter } from "./quality/index.js";
import { qualitySettingsRouter } from "./quality-settings/index.js";
import { recordingsRouter } from "./recordings/index.js";
import { registerRouter } from "./register/index.js";
import { retentionRouter } from "./retention/index.js";
import { statsRouter } from "./stats/index.js";
import { trainingRouter } from "./training/index.js";
import { unitsRouter } from "./units/index.js";
import { usersRouter } from "./users/index.js";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  grants: grantsRouter,
  units: unitsRouter,
  organisations: organisationsRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
  register: registerRouter,
  recordings: recordingsRouter,
  playlists: playlistsRouter,
  training: trainingRouter,
  disclosures: disclosuresRouter,
  legalHolds: legalHoldsRouter,
  retention: retentionRouter,
  stats: statsRouter,
  qualitySettings: qualitySettingsRouter,
  quality: qualityRouter,
  inbox: inboxRouter,
});

export type AppRouter = typeof appRouter;
