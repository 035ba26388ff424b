import type { chartsEn } from "./messages.en.js";

/** Kojelaudan ja säilytyksen kaavioiden tekstit (nimiavaruus `admin`). */
export const chartsFi: typeof chartsEn = {
  charts: {
    noActivity: "Viimeisten {{days}} päivän aikana ei vastaanotettu tallenteita eikä kukaan kuunnellut.",
  },
};
