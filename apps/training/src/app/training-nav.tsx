import type { Permission, Role } from "@kuulo/domain/access";
import { InboxNavLabel, useCan } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useRoles } from "./use-roles.js";

type NavTarget = "/" | "/inbox" | "/my-calls" | "/recordings" | "/playlists" | "/quality" | "/disclosed";

interface NavItem {
  to: NavTarget;
  label: string;
  permission: Permission;
  /** Shown only to these roles (the permission alone is held through different relations). */
  roles?: readonly Role[];
}

const ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.myTraining", permission: "progress.update" },
  { to: "/inbox", label: "inbox", permission: "self.read" },
  { to: "/my-calls", label: "nav.myCalls", permission: "recording.listen", roles: ["employee"] },
  { to: "/recordings", label: "nav.recordings", permission: "playlist.create" },
  { to: "/playlists", label: "nav.playlists", permission: "playlist.create" },
  { to: "/quality", label: "nav.quality", permission: "evaluation.create" },
  { to: "/disclosed", label: "nav.disclosed", permission: "self.read", roles: ["external_trainer"] },
];

export function TrainingNav() {
  const { t } = useTranslation();
  const can = useCan();
  const roles = useRoles();
  const visible = ITEMS.filter(
    (item) => can(item.permission) && (!item.roles || item.roles.some((role) => roles.has(role))),
  );
  return (
    <ul className="nav-list">
      {visible.map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            activeOptions={{ exact: item.to === "/" }}
            activeProps={{ "aria-current": "page" }}
          >
            {item.to === "/inbox" ? <InboxNavLabel app="training" /> : t(item.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
