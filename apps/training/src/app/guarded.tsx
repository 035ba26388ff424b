import type { Permission } from "@kuulo/domain/access";
import { useCan } from "@kuulo/ui";
import type { RouteComponent } from "@tanstack/react-router";
import { ForbiddenPage } from "./forbidden-page.js";

/** Hides a route with the same `can()` the API uses; the API still refuses on its own. */
export function guarded(permission: Permission, Page: RouteComponent): RouteComponent {
  const GuardedRoute: RouteComponent = () => {
    const can = useCan();
    return can(permission) ? <Page /> : <ForbiddenPage />;
  };
  if (Page.preload) GuardedRoute.preload = Page.preload;
  return GuardedRoute;
}
