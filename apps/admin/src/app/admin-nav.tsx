import type { Permission } from "@kuulo/domain/access";
import { InboxNavLabel, useCan } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

type NavTarget =
  | "/"
  | "/inbox"
  | "/users"
  | "/approvals"
  | "/units"
  | "/organisations"
  | "/api-tokens"
  | "/audit"
  | "/disclosures"
  | "/retention"
  | "/quality"
  | "/register"
  | "/account";

const ITEMS: { to: NavTarget; label: string; permission?: Permission }[] = [
  { to: "/", label: "nav.dashboard" },
  { to: "/inbox", label: "inbox" },
  { to: "/users", label: "nav.users", permission: "user.read" },
  { to: "/approvals", label: "nav.approvals", permission: "grant.approve" },
  { to: "/units", label: "nav.units", permission: "unit.read" },
  { to: "/organisations", label: "nav.organisations", permission: "organisation.read" },
  { to: "/api-tokens", label: "nav.apiTokens", permission: "api_token.read" },
  { to: "/audit", label: "nav.audit", permission: "audit.read" },
  { to: "/disclosures", label: "nav.disclosures", permission: "disclosure.read" },
  { to: "/retention", label: "nav.retention", permission: "retention.read" },
  { to: "/quality", label: "nav.quality", permission: "quality_form.read" },
  { to: "/register", label: "nav.register" },
  { to: "/account", label: "nav.account" },
];

export function AdminNav() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <ul className="nav-list">
      {ITEMS.filter((item) => !item.permission || can(item.permission)).map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            activeOptions={{ exact: item.to === "/" }}
            activeProps={{ "aria-current": "page" }}
          >
            {item.to === "/inbox" ? <InboxNavLabel app="admin" /> : t(item.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
