import { upcomingDisclosures } from "../../services/training/upcoming-disclosures.js";
import { requirePermission } from "../../trpc/procedures.js";

// When one's own disclosure opens is one's own data (self.read); its recordings wait for the window.
export const upcomingDisclosuresProcedure = requirePermission("self.read").query(({ ctx }) =>
  upcomingDisclosures({ ctx }),
);
