import type { Resource } from "i18next";
import { en } from "./en.js";
import { fi } from "./fi.js";

export const adminResources: Resource = { fi: { admin: fi }, en: { admin: en } };
