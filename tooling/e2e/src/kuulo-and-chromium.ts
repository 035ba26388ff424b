import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./launch-chromium.js";
import { type RunningKuulo, type StartKuuloOptions, startKuulo } from "./start-kuulo.js";

export interface KuuloAndChromium {
  readonly kuulo: RunningKuulo;
  readonly browser: Browser;
}

/**
 * The usual frame of a browser test file (or describe block): its own Kuulo and Chromium, started in
 * beforeAll and stopped in afterAll. Read `kuulo` and `browser` inside hooks and tests only.
 */
export function useKuuloAndChromium(options?: StartKuuloOptions): KuuloAndChromium {
  let kuulo: RunningKuulo | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startKuulo(options), launchChromium()]);
    if (started.status === "fulfilled") kuulo = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    // afterAll still stops whichever of the two did start.
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await kuulo?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("Kuulo and Chromium start in beforeAll; read them in tests");
    return value;
  };
  return {
    get kuulo() {
      return started(kuulo);
    },
    get browser() {
      return started(browser);
    },
  };
}
