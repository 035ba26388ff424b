import {
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import { uiMessages } from "@kuulo/ui/messages";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const OTHER_EMPLOYEE = { username: "myynti.tyontekija", password: "kirkas tähti loistaa talvella" };
const PLAYLIST_TITLE = "Asiakaspalvelun perusteet";

describe("training portal against the real API", () => {
  const { ui, tr } = texts("en");
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  // Uncaught errors and CSP refusals on any page (e.g. a library injecting inline styles) fail the run.
  const pageErrors: string[][] = [];
  let trainer: Page;
  let employee: Page;
  let other: Page;
  let playlistId = "";
  let recordingId = "";
  let otherRecordingId = "";

  const newPage = async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name }).waitFor();
  const view = async (page: Page, lang: Lang, name: string) => {
    await page.waitForLoadState("networkidle");
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-${name}`);
  };

  beforeAll(async () => {
    // The administrator sets up this suite's accounts directly; the second person's approval of listening
    // rights (separation of duties) has its own API test and admin browser test.
    [kuulo, browser] = await Promise.all([
      startKuulo({ env: { KUULO_FOUR_EYES_LISTENING_GRANTS: "0" } }),
      launchChromium(),
    ]);
    // The administrator prepares what the demo data set lacks: an employee of another unit (HKI-MYYNTI).
    const admin = await newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "en", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    const me = await trpcCall<{ organisation: { id: string } }>(admin, "auth.me", undefined, "query");
    const units = await trpcCall<{ id: string; code: string }[] | { items: { id: string; code: string }[] }>(
      admin,
      "units.find",
      {},
      "query",
    );
    const unitList = Array.isArray(units) ? units : units.items;
    const sales = unitList.find((unit) => unit.code === "HKI-MYYNTI");
    if (!sales) throw new Error("demo unit HKI-MYYNTI missing");
    const created = await trpcCall<{ setPasswordToken: string }>(
      admin,
      "users.create",
      {
        organisationId: me.organisation.id,
        username: OTHER_EMPLOYEE.username,
        firstName: "Aino",
        lastName: "Myyjä",
        grants: [{ role: "employee", unitId: sales.id }],
      },
      "mutation",
    );
    const anonymous = await newPage();
    await anonymous.goto(kuulo.baseUrl);
    await trpcCall(
      anonymous,
      "auth.setPasswordWithToken",
      { token: created.setPasswordToken, newPassword: OTHER_EMPLOYEE.password },
      "mutation",
    );
    [trainer, employee, other] = await Promise.all([newPage(), newPage(), newPage()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  it("a trainer builds a two-item playlist from demo recordings, is refused a phone number in a note, publishes and assigns it", async () => {
    await trainer.goto(kuulo.baseUrl);
    await heading(trainer, ui.signIn.title).catch(() => {});
    await view(trainer, "en", "01-sign-in");
    await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
    await heading(trainer, tr.playlists.title);
    await view(trainer, "en", "02-playlists-empty");

    await trainer.getByRole("link", { name: tr.nav.recordings, exact: true }).click();
    await heading(trainer, tr.recordings.title);
    await trainer.getByTestId("recordings").waitFor();
    await view(trainer, "en", "03-recordings");

    await trainer.getByRole("link", { name: tr.playlists.new }).first().click();
    await heading(trainer, tr.playlists.newTitle);
    await trainer.getByLabel(tr.playlists.fieldTitle).fill(PLAYLIST_TITLE);
    await trainer
      .getByLabel(tr.playlists.fieldDescription)
      .fill("How a good call opens and how the need is clarified.");
    await trainer.getByRole("button", { name: tr.playlists.create }).click();
    await heading(trainer, PLAYLIST_TITLE);
    playlistId = trainer.url().split("/playlists/")[1]?.split(/[?#]/)[0] ?? "";
    expect(playlistId).toMatch(/^[0-9a-f-]{36}$/);

    for (const [index, clip] of [
      ["0:00", "0:03"],
      ["0:01", "0:04"],
    ].entries()) {
      await trainer.getByRole("button", { name: tr.editor.addRecording }).click();
      const dialog = trainer.getByRole("dialog");
      await dialog.getByTestId("recordings").waitFor();
      await dialog
        .getByRole("button", { name: new RegExp(`^${tr.editor.add}`) })
        .nth(index)
        .click();
      const item = trainer.getByTestId(`item-${index + 1}`);
      await item.getByRole("slider").waitFor();
      if (index === 0) {
        // Click-to-seek on the waveform, then "end here" takes the playhead as the clip end.
        const slider = item.getByRole("slider");
        const endInput = item.getByLabel(tr.editor.clipEnd);
        const before = await endInput.inputValue();
        // The clip region is drawn when the waveform is ready for input.
        await item.locator('[part~="region"]').first().waitFor();
        const box = await slider.boundingBox();
        if (!box) throw new Error("waveform not laid out");
        // A click that lands while the audio element is still loading its source is reset to 0 by the
        // media load, as it would be for a person; click again until the playhead has moved.
        await expect
          .poll(async () => {
            const now = Number(await slider.getAttribute("aria-valuenow"));
            if (now <= 5) await trainer.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
            return now;
          })
          .toBeGreaterThan(5);
        const playhead = Number(await slider.getAttribute("aria-valuenow"));
        await item.getByRole("button", { name: tr.editor.endHere }).click();
        await expect.poll(() => endInput.inputValue()).not.toBe(before);
        const [minutes, seconds] = (await endInput.inputValue()).split(":").map(Number);
        expect(Math.abs((minutes ?? 0) * 60 + (seconds ?? 0) - playhead)).toBeLessThan(1);
      }
      await item.getByLabel(tr.editor.clipStart).fill(clip[0] ?? "");
      await item.getByLabel(tr.editor.clipStart).press("Enter");
      await item.getByLabel(tr.editor.clipEnd).fill(clip[1] ?? "");
      await item.getByLabel(tr.editor.clipEnd).press("Enter");
      await item
        .getByText(tr.editor.clipSummary.replace("{{start}}", clip[0] ?? "").split("–")[0] ?? "")
        .first()
        .waitFor();
    }
    await trainer
      .getByLabel(tr.editor.note.replace("{{number}}", "1"))
      .fill("Listen to how the greeting sets the tone.");
    await trainer
      .getByLabel(tr.editor.note.replace("{{number}}", "2"))
      .fill("The customer asked us to call back at 040 123 4567.");
    await trainer.getByRole("button", { name: tr.editor.save }).click();
    const noteError = trainer.getByTestId("item-2-note-error");
    await noteError.waitFor();
    expect(await noteError.textContent()).toBe(uiMessages.en.personalData.phone);
    await expect.poll(() => trainer.evaluate(() => document.activeElement?.id ?? "")).toContain("note");
    await view(trainer, "en", "04-editor-note-refused");

    await trainer
      .getByLabel(tr.editor.note.replace("{{number}}", "2"))
      .fill("Notice how the need is clarified before offering.");
    await trainer.getByRole("button", { name: tr.editor.save }).click();
    await trainer.getByText(tr.saved).waitFor();

    // Keyboard reordering: dnd-kit's keyboard sensor moves item 1 down, the item's own button moves it back.
    const firstLabel = await trainer.getByTestId("item-1").locator(".item-card__label").textContent();
    const handle = trainer.getByRole("button", { name: tr.editor.dragHandle.replace("{{number}}", "1") });
    await handle.focus();
    // Each step waits for dnd-kit's own live announcement, so keys never race the sensor. On a busy
    // machine the sensor may start listening after aria-pressed flips and miss the first ArrowDown, so
    // the key is pressed again until the announcement says so (with two items, position 2 is the last:
    // an extra ArrowDown changes nothing).
    const over = trainer.getByText(tr.editor.dndOver.replace("{{number}}", "1").replace("{{target}}", "2"), {
      exact: true,
    });
    await handle.press("Space");
    await expect.poll(() => handle.getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(async () => {
        if ((await over.count()) === 0) await trainer.keyboard.press("ArrowDown");
        return over.count();
      })
      .toBeGreaterThan(0);
    await trainer.keyboard.press("Space");
    await expect
      .poll(() => trainer.getByTestId("item-2").locator(".item-card__label").textContent())
      .toBe(firstLabel);
    await trainer
      .getByTestId("item-2")
      .getByRole("button", { name: new RegExp(`^${tr.editor.moveUp}`) })
      .click();
    expect(await trainer.getByTestId("item-1").locator(".item-card__label").textContent()).toBe(firstLabel);

    await trainer.getByRole("button", { name: tr.publish.publish, exact: true }).click();
    await expect
      .poll(() => trainer.getByTestId("playlist-status").textContent())
      .toBe(tr.playlists.statusValue.published);
    await trainer.getByLabel(/HKI-ASPA/).check();
    await trainer.getByRole("button", { name: tr.assign.assign, exact: true }).click();
    await trainer
      .getByTestId("assignments")
      .getByText(/Helsinki, asiakaspalvelu/)
      .waitFor();
    await view(trainer, "en", "05-editor");

    const detail = await trpcCall<{ items: { recording: { id: string } | null }[] }>(
      trainer,
      "playlists.get",
      { playlistId },
      "query",
    );
    recordingId = detail.items[0]?.recording?.id ?? "";
    otherRecordingId = detail.items[1]?.recording?.id ?? "";
    expect(recordingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an employee of that unit plays it, seeks, changes speed and completes it", async () => {
    await employee.goto(kuulo.baseUrl);
    await signIn(employee, "en", loginOf(kuulo, "mikko.korhonen"));
    await heading(employee, tr.myTraining.title);
    await employee.getByRole("link", { name: PLAYLIST_TITLE }).waitFor();
    await view(employee, "en", "06-my-training");
    await employee.getByRole("link", { name: tr.myTraining.start }).click();
    await heading(employee, PLAYLIST_TITLE);

    // Resume: listen to part of item 1, pause, reload: the player comes back where I left off.
    const audio = employee.getByTestId("audio");
    await expect.poll(() => employee.getByTestId("play-pause").isEnabled()).toBe(true);
    // The page itself presses pause once the playhead passes 1.2 s: a pause sent from the test lands
    // late on a busy machine, possibly after the 3 s clip has ended.
    await audio.evaluate((element: HTMLAudioElement) => {
      const pauseOnce = () => {
        if (element.currentTime <= 1.2) return;
        element.removeEventListener("timeupdate", pauseOnce);
        document.querySelector<HTMLButtonElement>('[data-testid="play-pause"]')?.click();
      };
      element.addEventListener("timeupdate", pauseOnce);
    });
    // The pause's own report (past 1.2 s), not a periodic one sent while it played.
    const saved = employee.waitForResponse(
      (response) =>
        response.url().includes("training.recordProgress") &&
        Number(/"positionMs":(\d+)/.exec(response.request().postData() ?? "")?.[1] ?? 0) > 1200,
    );
    await employee.getByTestId("play-pause").click();
    await expect
      .poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused && element.currentTime > 1.2))
      .toBe(true);
    await saved;
    const pausedAt = await audio.evaluate((element: HTMLAudioElement) => element.currentTime);
    expect(pausedAt).toBeLessThan(2.9);
    await employee.reload();
    await expect.poll(() => employee.getByTestId("play-pause").isEnabled()).toBe(true);
    await expect
      .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
      .toBeCloseTo(pausedAt, 0);

    for (const number of [1, 2]) {
      const play = employee.getByTestId("play-pause");
      await expect.poll(() => play.isEnabled()).toBe(true);
      await employee.getByTestId("speed").selectOption("2");
      expect(
        await employee.getByTestId("audio").evaluate((audio: HTMLAudioElement) => audio.playbackRate),
      ).toBe(2);
      // Seek by keyboard on the waveform: End and Home stay inside the clip.
      const slider = employee.getByRole("slider");
      await slider.focus();
      await slider.press("End");
      const end = Number(await slider.getAttribute("aria-valuenow"));
      await slider.press("Home");
      const start = Number(await slider.getAttribute("aria-valuenow"));
      expect(end).toBeGreaterThan(start);
      await slider.press("ArrowRight");
      expect(Number(await slider.getAttribute("aria-valuenow"))).toBe(end);
      await slider.press("Home");
      await play.click();
      await employee
        .getByTestId("item-completed")
        .waitFor()
        .catch(async (error) => {
          const state = await employee.getByTestId("audio").evaluate((audio: HTMLAudioElement) => ({
            paused: audio.paused,
            currentTime: audio.currentTime,
            readyState: audio.readyState,
            networkState: audio.networkState,
            error: audio.error?.message ?? audio.error?.code ?? null,
            src: audio.currentSrc,
          }));
          await screenshot(employee, "debug-player");
          throw new Error(`item ${number} did not complete; audio ${JSON.stringify(state)}; ${error}`);
        });
      expect(await employee.getByTestId(`item-state-${number}`).textContent()).toContain(
        tr.progress.completed,
      );
      if (number === 1) {
        await view(employee, "en", "07-player");
        await employee.getByRole("button", { name: tr.player.next }).click();
      }
    }
    await employee
      .getByText(
        tr.progress.itemsDone.replace("{{done}}", "2").replace("{{total}}", "2").split(" (")[0] ?? "",
      )
      .first()
      .waitFor();

    await employee.getByRole("link", { name: tr.nav.myCalls, exact: true }).click();
    await heading(employee, tr.myCalls.title);
    await employee.getByRole("heading", { name: tr.listeners.title }).waitFor();
    await view(employee, "en", "08-my-calls");
  });

  it("the trainer sees the employee's progress", async () => {
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}/progress`);
    await heading(trainer, tr.progressPage.title.replace("{{title}}", PLAYLIST_TITLE));
    const table = trainer.getByTestId("progress-table");
    await table.getByText(/Mikko Korhonen/).waitFor();
    await table
      .getByText(
        tr.progress.itemsDone.replace("{{done}}", "2").replace("{{total}}", "2").split(" (")[0] ?? "",
      )
      .waitFor();
    // One table with a bar per person; no chart repeating its figures.
    expect(await trainer.locator(".recharts-surface").count()).toBe(0);
    await view(trainer, "en", "09-progress");
  });

  it("an employee of another unit cannot see the playlist nor stream its recording by URL", async () => {
    await other.goto(kuulo.baseUrl);
    await signIn(other, "en", OTHER_EMPLOYEE);
    await heading(other, tr.myTraining.title);
    await other.getByText(tr.myTraining.emptyTitle).waitFor();
    expect(await other.getByRole("link", { name: PLAYLIST_TITLE }).count()).toBe(0);
    await view(other, "en", "10-my-training-empty");
    const statuses = await other.evaluate(
      async ({ recordingId, playlistId }) => {
        const direct = await fetch(`/media/recordings/${recordingId}/audio`, { credentials: "same-origin" });
        const viaPlaylist = await fetch(`/media/recordings/${recordingId}/audio?playlist=${playlistId}`, {
          credentials: "same-origin",
        });
        return [direct.status, viaPlaylist.status];
      },
      { recordingId, playlistId },
    );
    expect(statuses).toEqual([403, 403]);
    await other.goto(`${kuulo.baseUrl}/training/${playlistId}`);
    await other.getByRole("alert").waitFor();
    expect(await other.getByTestId("audio").count()).toBe(0);
  });

  it("an external trainer hears only the recording disclosed to them", async () => {
    // The privacy officer discloses one recording under an NDA (R6a); the trainer sets a password once.
    const officer = await newPage();
    await officer.goto(kuulo.baseUrl);
    await signIn(officer, "en", kuulo.login("privacy_officer"));
    const now = Date.now();
    const created = await trpcCall<{ externalUser: { username: string }; setPasswordToken: string | null }>(
      officer,
      "disclosures.createTraining",
      {
        recipientName: "Eeva Esimerkki",
        recipientOrganisation: "Koulutustalo Oy",
        recipientCountry: "FI",
        recipientEmail: "eeva.esimerkki@koulutustalo.example",
        ndaReference: "NDA-E2E-1",
        ndaSignedOn: new Date(now).toISOString().slice(0, 10),
        purpose: "Customer service training for the company's own staff",
        validFrom: new Date(now - 60_000).toISOString(),
        validUntil: new Date(now + 86_400_000).toISOString(),
        audienceAttestation: true,
        recordingIds: [recordingId],
      },
      "mutation",
    );
    const password = "punainen kettu hyppää aidan yli";
    const external = await newPage();
    await external.goto(kuulo.baseUrl);
    if (created.setPasswordToken) {
      await trpcCall(
        external,
        "auth.setPasswordWithToken",
        { token: created.setPasswordToken, newPassword: password },
        "mutation",
      );
    }
    await signIn(external, "en", { username: created.externalUser.username, password });
    await heading(external, tr.disclosed.title);
    await external.getByRole("button", { name: tr.disclosed.listen }).click();
    await expect.poll(() => external.getByTestId("play-pause").isEnabled()).toBe(true);
    await view(external, "en", "13-disclosed");
    expect(await external.getByRole("button", { name: tr.disclosed.listen }).count()).toBe(0);
    const statuses = await external.evaluate(
      async ({ disclosed, other }) => {
        const range = { headers: { range: "bytes=0-99" }, credentials: "same-origin" as const };
        return [
          (await fetch(`/media/recordings/${disclosed}/audio`, range)).status,
          (await fetch(`/media/recordings/${other}/audio`, range)).status,
        ];
      },
      { disclosed: recordingId, other: otherRecordingId },
    );
    expect(statuses).toEqual([206, 403]);
  });

  it("shows every main view in Finnish too", async () => {
    const { tr: fiTexts, ui: fiUi } = texts("fi");
    for (const page of [trainer, employee]) {
      await page.goto(kuulo.baseUrl);
      await page.getByLabel(ui.language).selectOption("fi");
      await page.getByRole("navigation", { name: fiUi.mainNavigation }).waitFor();
    }
    await employee.goto(kuulo.baseUrl);
    await heading(employee, fiTexts.myTraining.title);
    await view(employee, "fi", "06-my-training");
    await employee.getByRole("link", { name: fiTexts.myTraining.listenAgain }).click();
    await heading(employee, PLAYLIST_TITLE);
    await expect.poll(() => employee.getByTestId("play-pause").isEnabled()).toBe(true);
    await view(employee, "fi", "07-player");
    await employee.goto(`${kuulo.baseUrl}/my-calls`);
    await heading(employee, fiTexts.myCalls.title);
    await view(employee, "fi", "08-my-calls");

    await trainer.goto(`${kuulo.baseUrl}/playlists`);
    await heading(trainer, fiTexts.playlists.title);
    await view(trainer, "fi", "02-playlists");
    await trainer.goto(`${kuulo.baseUrl}/recordings`);
    await trainer.getByTestId("recordings").waitFor();
    await view(trainer, "fi", "03-recordings");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(trainer, PLAYLIST_TITLE);
    await view(trainer, "fi", "05-editor");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}/progress`);
    await trainer
      .getByTestId("progress-table")
      .getByText(/Mikko Korhonen/)
      .waitFor();
    await view(trainer, "fi", "09-progress");

    // Tablet (portrait iPad-sized viewport): the same views stay usable in one column.
    for (const page of [employee, trainer]) await page.setViewportSize({ width: 820, height: 1180 });
    await employee.goto(`${kuulo.baseUrl}/training/${playlistId}`);
    await expect.poll(() => employee.getByTestId("play-pause").isEnabled()).toBe(true);
    await view(employee, "fi", "11-player-tablet");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(trainer, PLAYLIST_TITLE);
    await view(trainer, "fi", "12-editor-tablet");
    expect(pageErrors.flat()).toEqual([]);
  });

  it("the trainer deletes the playlist after confirming, and it leaves the employee's training", async () => {
    const { tr: fiTexts } = texts("fi");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(trainer, PLAYLIST_TITLE);
    await trainer.getByRole("button", { name: fiTexts.deletePlaylist.action }).click();
    const dialog = trainer.getByRole("dialog");
    await checkA11y(trainer, "fi delete dialog");
    await dialog.getByRole("button", { name: fiTexts.deletePlaylist.action }).click();
    await heading(trainer, fiTexts.playlists.title);
    await trainer.getByText(fiTexts.playlists.emptyTitle).waitFor();
    await employee.goto(kuulo.baseUrl);
    await employee.getByText(fiTexts.myTraining.emptyTitle).waitFor();
  });
});
