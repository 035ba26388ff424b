/**
 * Time from navigation to the first audio frame of a demo playlist item, in real Chromium against a
 * real Kuulo (demo mode). Prints `{ "ms": number }`. Run from apps/training:
 *   node --conditions=@kuulo/source --import tsx bench/first-audio-frame.ts
 * Needs the built SPA (pnpm build). The trainer curates a one-item playlist for the employee's unit
 * first (setup, not measured); then the employee opens the item and presses play.
 */
import { launchChromium, startKuulo } from "@kuulo/e2e";
import { ensureDemoRecordings, loginOf, signIn, trpcCall } from "../e2e/helpers.js";

const kuulo = await startKuulo();
const browser = await launchChromium();
try {
  const newPage = async () => (await browser.newContext({ locale: "en-GB" })).newPage();
  const admin = await newPage();
  await admin.goto(kuulo.baseUrl);
  await signIn(admin, "en", kuulo.login("administrator"));
  await ensureDemoRecordings(kuulo, admin);

  const trainer = await newPage();
  await trainer.goto(kuulo.baseUrl);
  await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
  const me = await trpcCall<{ grants: { role: string; unitId: string | null }[] }>(
    trainer,
    "auth.me",
    undefined,
    "query",
  );
  const unitId = me.grants.find((grant) => grant.role === "trainer" && grant.unitId)?.unitId;
  if (!unitId) throw new Error("the demo trainer has no unit");
  const found = await trpcCall<{ items: { id: string; durationMs: number }[] }>(
    trainer,
    "recordings.find",
    { limit: 1 },
    "query",
  );
  const recording = found.items[0];
  if (!recording) throw new Error("no demo recordings");
  const playlist = await trpcCall<{ id: string }>(
    trainer,
    "playlists.create",
    { title: "Benchmark", unitId },
    "mutation",
  );
  await trpcCall(
    trainer,
    "playlists.setItems",
    {
      playlistId: playlist.id,
      items: [{ recordingId: recording.id, clipStartMs: 0, clipEndMs: recording.durationMs, note: "" }],
    },
    "mutation",
  );
  await trpcCall(trainer, "playlists.publish", { playlistId: playlist.id }, "mutation");
  await trpcCall(
    trainer,
    "playlists.assign",
    { playlistId: playlist.id, unitIds: [unitId], userIds: [] },
    "mutation",
  );

  const employee = await newPage();
  await employee.goto(kuulo.baseUrl);
  await signIn(employee, "en", loginOf(kuulo, "mikko.korhonen"));

  const started = performance.now();
  await employee.goto(`${kuulo.baseUrl}/training/${playlist.id}`);
  const play = employee.getByTestId("play-pause");
  await play.waitFor();
  while (!(await play.isEnabled())) await employee.waitForTimeout(5);
  // Resolves on the first `playing` event with the playhead already moving (a decoded frame was rendered).
  // A string, not a function: tsx's name helpers do not exist inside the page.
  const firstFrame = employee.evaluate(`new Promise((resolve) => {
    const audio = document.querySelector('[data-testid="audio"]');
    const check = () => (audio.currentTime > 0 && !audio.paused ? resolve(true) : requestAnimationFrame(check));
    audio.addEventListener("playing", check, { once: true });
  })`);
  await play.click();
  await firstFrame;
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ ms }));
} finally {
  await browser.close();
  await kuulo.stop();
}
