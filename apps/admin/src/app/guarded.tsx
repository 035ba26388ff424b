import type { Permission } from "@kuulo/domain/access";
import { useCan } from "@kuulo/ui";
import type { ComponentType } from "react";
import { ForbiddenPage } from "./forbidden-page.js";

/** Hides a route with the same `can()` the API uses; the API still refuses on its own. */
export function guarded(permission: Permission, Page: ComponentType): ComponentType {
  return function GuardedRoute() {
    const can = useCan();
    return can(permission) ? <Page /> : <ForbiddenPage />;
  };
}
