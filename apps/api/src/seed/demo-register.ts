import type { RegisterConfig } from "@kuulo/domain/register";
import { DEMO_CONTROLLER } from "./demo-accounts.js";

/**
 * The controller a demo install names in its privacy notice and Art. 30 record: the demo organisation
 * itself, with made-up addresses, so a demo never publishes a real company's details. The demo privacy
 * officer is the contact. A production install keeps the register's defaults and KUULO_CONTROLLER_*.
 */
export const DEMO_REGISTER: RegisterConfig = Object.freeze({
  controllerName: DEMO_CONTROLLER.name,
  postalAddress: "Esimerkkikatu 1, 00100 HELSINKI",
  visitingAddress: "Esimerkkikatu 1, 00100 HELSINKI",
  phone: "09 000 0000",
  contactName: "Pekka Suojanen",
  contactPhone: "09 000 0000",
  contactEmail: null,
});
