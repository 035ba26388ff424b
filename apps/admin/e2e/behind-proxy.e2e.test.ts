import {
  collectPageErrors,
  type DemoLogin,
  freePort,
  launchChromium,
  nginxAvailable,
  type RunningKuulo,
  type RunningNginx,
  startKuulo,
  startNginx,
  trpcCall,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, openNav, signIn, texts } from "./helpers.js";

// Real flows through deploy/nginx/kuulo-proxy.conf: TLS at nginx, nginx (127.0.0.2) the only trusted proxy,
// a Secure __Host- cookie over HTTPS; the administrator signs in and lists users, an employee plays an
// assigned training item (audio through nginx with Range requests), and the listen's audit row carries the
// browser's address that nginx passed on, not nginx's own. docs/operations.md "Reverse proxy".
const PROXY_ADDRESS = "127.0.0.2";
const BROWSER_ADDRESS = "127.0.0.1";
const PLAYLIST_TITLE = "Välityspalvelimen takaa";

describe.skipIf(!nginxAvailable())("behind nginx", () => {
  const { admin } = texts("en");
  let kuulo: RunningKuulo;
  let nginx: RunningNginx;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminPage: Page;
  const pageErrors: string[][] = [];

  const newPage = async () => {
    const context = await browser.newContext({ locale: "en-GB", ignoreHTTPSErrors: true });
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const loginOf = (username: string): DemoLogin => {
    const login = kuulo.demoLogins.find((candidate) => candidate.username === username);
    if (!login) throw new Error(`no demo login ${username}; banner:\n${kuulo.output()}`);
    return login;
  };

  beforeAll(async () => {
    const port = await freePort();
    kuulo = await startKuulo({
      env: {
        KUULO_PUBLIC_ORIGIN: `https://127.0.0.1:${port}`,
        KUULO_TRUSTED_PROXIES: `${PROXY_ADDRESS}/32`,
        KUULO_ALLOWED_CIDRS: `${BROWSER_ADDRESS}/32`,
        KUULO_COOKIE_SECURE: "true",
      },
    });
    [nginx, browser] = await Promise.all([
      startNginx({ upstream: new URL(kuulo.baseUrl).host, bindAddress: PROXY_ADDRESS, port }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await nginx?.stop();
    await kuulo?.stop();
  });

  it("loads the sign-in page over HTTPS and signs the administrator in through the proxy", async () => {
    adminPage = await newPage();
    const response = await adminPage.goto(`${nginx.origin}/admin/`);
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue("content-security-policy")).toContain("frame-ancestors 'none'");
    await adminPage.getByLabel(texts("en").ui.signIn.username).waitFor();
    await signIn(adminPage, "en", adminLogin(kuulo.demoLogins));
    const cookies = await adminPage.context().cookies();
    expect(cookies.some((cookie) => cookie.name.startsWith("__Host-") && cookie.secure)).toBe(true);
  });

  it("lists the users on the administrator's Users page", async () => {
    await openNav(adminPage, "en", admin.nav.users);
    await adminPage.getByRole("heading", { level: 1, name: admin.users.title }).waitFor();
    await adminPage.getByText("Korhonen").first().waitFor();
  });

  it("an employee plays an assigned item: audio through nginx with Range, the audit row has the browser's address", async () => {
    // The trainer prepares the playlist by API (the editor itself is covered by the training suite).
    const trainer = await newPage();
    await trainer.goto(`${nginx.origin}/`);
    await signIn(trainer, "en", loginOf("kouluttaja"));
    const units = await trpcCall<{ id: string; code: string }[] | { items: { id: string; code: string }[] }>(
      adminPage,
      "units.find",
      {},
      "query",
    );
    const hki = (Array.isArray(units) ? units : units.items).find((unit) => unit.code === "HKI-ASPA");
    if (!hki) throw new Error("demo unit HKI-ASPA missing");
    const calls = await trpcCall<{ items: { id: string; unit: { id: string } }[] }>(
      trainer,
      "recordings.find",
      {},
      "query",
    );
    const call = calls.items.find((item) => item.unit.id === hki.id);
    if (!call) throw new Error("the trainer sees no HKI-ASPA demo recording");
    const { id: playlistId } = await trpcCall<{ id: string }>(
      trainer,
      "playlists.create",
      { title: PLAYLIST_TITLE, unitId: hki.id },
      "mutation",
    );
    await trpcCall(
      trainer,
      "playlists.setItems",
      { playlistId, items: [{ recordingId: call.id, clipStartMs: 0, clipEndMs: 5000, note: "Avaus" }] },
      "mutation",
    );
    await trpcCall(trainer, "playlists.publish", { playlistId }, "mutation");
    const assignable = await trpcCall<{ items: { id: string; username: string }[] }>(
      trainer,
      "playlists.assignableUsers",
      { playlistId, search: "mikko.korhonen" },
      "query",
    );
    const mikko = assignable.items.find((user) => user.username === "mikko.korhonen");
    if (!mikko) throw new Error("mikko.korhonen is not assignable");
    await trpcCall(trainer, "playlists.assign", { playlistId, userIds: [mikko.id] }, "mutation");

    const employee = await newPage();
    const media: { range: string | undefined; status: number }[] = [];
    employee.on("response", (response) => {
      if (!response.url().includes("/media/recordings/")) return;
      media.push({ range: response.request().headers().range, status: response.status() });
    });
    await employee.goto(`${nginx.origin}/`);
    await signIn(employee, "en", loginOf("mikko.korhonen"));
    await employee.getByRole("link", { name: PLAYLIST_TITLE }).first().click();
    await employee.getByRole("heading", { level: 1, name: PLAYLIST_TITLE }).waitFor();
    await expect.poll(() => employee.getByTestId("play-pause").isEnabled()).toBe(true);
    await employee.getByTestId("play-pause").click();
    const audio = employee.getByTestId("audio");
    await expect
      .poll(() =>
        audio.evaluate((element: HTMLAudioElement) => ({
          playing: element.readyState >= 2 && element.currentTime > 0.5,
          error: element.error?.code ?? null,
        })),
      )
      .toEqual({ playing: true, error: null });
    await expect(audio.evaluate((element: HTMLAudioElement) => element.currentSrc)).resolves.toMatch(
      new RegExp(`^${nginx.origin}/media/recordings/${call.id}/audio`),
    );
    // The media element asks with Range and nginx hands the API's 206 through.
    expect(media.some((answer) => answer.range?.startsWith("bytes=") && answer.status === 206)).toBe(true);

    const listens = await trpcCall<{
      items: { targetId: string | null; actorId: string | null; ip: string | null }[];
    }>(adminPage, "audit.find", { action: "recording.listen", targetId: call.id }, "query");
    const mine = listens.items.filter((event) => event.actorId === mikko.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const event of mine) expect(event.ip).toBe(BROWSER_ADDRESS);
    expect(pageErrors.flat()).toEqual([]);
  });
});
