import { describe, expect, it } from "vitest";
import { forController } from "./controller-naming.js";
import { recordOfProcessing } from "./record-of-processing.js";
import { renderPrivacyNotice } from "./render-privacy-notice.js";

const DEMO = { controllerName: "Tukkuri Oy (demo)" };

describe("the notice of another controller than Kespro", () => {
  it.each([
    [
      "fi",
      "Rekisteriä käytetään Kespro Oy:n myynti- ja asiakaspalvelun kehittämiseksi.",
      "Rekisteriä käytetään rekisterinpitäjän myynti- ja asiakaspalvelun kehittämiseksi.",
    ],
    [
      "fi",
      "Kespron henkilökunnan osalta tallennetaan",
      "Rekisterinpitäjän henkilökunnan osalta tallennetaan",
    ],
    ["en", "Kespro customer service call recordings", "The controller's customer service call recordings"],
    [
      "en",
      "employees of Kespro Oy and of companies acting on Kespro Oy's behalf may use Kespro's call recordings",
      "employees of the controller and of companies acting on the controller's behalf may use the controller's call recordings",
    ],
    [
      "en",
      "Only designated employees of Kespro and of companies",
      "Only designated employees of the controller and of companies",
    ],
  ] as const)("rewrites in %s: %s", (locale, text, expected) => {
    expect(forController({ text }, locale, DEMO.controllerName).text).toBe(expected);
  });

  it.each(["fi", "en"] as const)("names no Kespro anywhere in the %s notice or record", (locale) => {
    const notice = JSON.stringify(renderPrivacyNotice(locale, { config: DEMO }));
    const record = JSON.stringify(recordOfProcessing(locale, { config: DEMO }));
    expect(notice).not.toMatch(/Kespro/);
    expect(record).not.toMatch(/Kespro/);
    expect(notice).toContain("Tukkuri Oy (demo)");
  });

  it("leaves Kespro's own notice as the register description words it", () => {
    expect(JSON.stringify(renderPrivacyNotice("fi"))).toContain("Kespro Oy:n myynti");
  });
});
