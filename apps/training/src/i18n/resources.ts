import type { Resource } from "i18next";
import { en } from "./en.js";
import { fi } from "./fi.js";

export const trainingResources: Resource = { fi: { training: fi }, en: { training: en } };
