import type { RouterOutputs } from "@kuulo/api";
import { ROLES } from "@kuulo/domain/access";
import { type DataColumn, DataTable, PageHeader, SelectField, TextField, useCan, useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { CursorPager, useCursorPages } from "../../lib/cursor-pager.js";
import { useDebounced } from "../../lib/use-debounced.js";
import { useDirectory } from "../../lib/use-directory.js";
import { useUnitLabel } from "../../lib/use-unit-label.js";
import { CreateUserDialog } from "./create-user-dialog.js";
import { RoleBadges } from "./role-badges.js";
import { displayStatus, UserStatusBadge } from "./user-status.js";
import { USER_STATUS_FILTERS, type UsersSearch } from "./users-search.js";

type UserRow = RouterOutputs["users"]["find"]["items"][number];
const PAGE_SIZE = 25;
const route = getRouteApi("/app/users");

export function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const router = useRouter();
  const directory = useDirectory();
  const unitLabel = useUnitLabel(directory);
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(search.q ?? "");
  const debouncedQ = useDebounced(q, 300);
  const pages = useCursorPages<string>(JSON.stringify(search));

  const setSearch = (patch: Partial<UsersSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  useEffect(() => {
    // The list stays on screen while a person's page loads; the search box's late URL update must not
    // cancel that navigation and bring the list back (a name typed, then its row clicked at once).
    if (router.latestLocation.pathname !== router.state.resolvedLocation?.pathname) return;
    if ((debouncedQ || undefined) !== search.q) setSearch({ q: debouncedQ || undefined });
  }, [debouncedQ]);

  const users = useQuery({
    ...trpc.users.find.queryOptions({
      search: search.q,
      organisationId: search.organisationId,
      unitId: search.unitId,
      role: search.role,
      status: search.status,
      after: pages.cursor,
      limit: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    (): DataColumn<UserRow>[] => [
      {
        id: "name",
        header: t("users.name"),
        rowHeader: true,
        cell: (user) => (
          <Link to="/users/$userId" params={{ userId: user.id }}>
            {user.lastName}, {user.firstName}
          </Link>
        ),
      },
      { id: "username", header: t("users.username"), cell: (user) => <code>{user.username}</code> },
      { id: "organisation", header: t("users.organisation"), cell: (user) => user.organisationName },
      {
        id: "roles",
        header: t("users.roles"),
        cell: (user) => (
          <RoleBadges grants={user.grants} awaiting={user.awaitingApproval} unitLabel={unitLabel} />
        ),
      },
      {
        id: "status",
        header: t("users.statusLabel"),
        cell: (user) => (
          <UserStatusBadge
            status={displayStatus(user, directory.organisation(user.organisationId)?.agreementInForce)}
          />
        ),
      },
    ],
    [t, directory, unitLabel],
  );

  const filtered = Boolean(
    search.q || search.organisationId || search.unitId || search.role || search.status,
  );
  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          can("user.create") ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t("users.create")}
            </button>
          ) : null
        }
      />
      <section className="filters" aria-label={t("users.filters")}>
        <TextField
          label={t("users.search")}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          label={t("users.organisation")}
          value={search.organisationId ?? ""}
          onChange={(event) => setSearch({ organisationId: event.target.value || undefined })}
        >
          <option value="">{t("filters.all")}</option>
          {directory.organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("users.unit")}
          value={search.unitId ?? ""}
          onChange={(event) => setSearch({ unitId: event.target.value || undefined })}
        >
          <option value="">{t("filters.all")}</option>
          {directory.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("users.role")}
          value={search.role ?? ""}
          onChange={(event) => setSearch({ role: (event.target.value || undefined) as UsersSearch["role"] })}
        >
          <option value="">{t("filters.all")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("users.statusLabel")}
          value={search.status ?? ""}
          onChange={(event) =>
            setSearch({ status: (event.target.value || undefined) as UsersSearch["status"] })
          }
        >
          <option value="">{t("filters.all")}</option>
          {USER_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`users.status.${status}`)}
            </option>
          ))}
        </SelectField>
      </section>
      <DataTable
        caption={t("users.title")}
        columns={columns}
        rows={users.data?.items}
        getRowId={(user) => user.id}
        query={users}
        empty={
          filtered
            ? { title: t("users.emptyFiltered"), body: t("users.emptyFilteredHint") }
            : { title: t("users.empty"), body: t("users.emptyHint") }
        }
        footer={
          <CursorPager
            page={pages.page}
            hasNext={Boolean(users.data?.nextCursor)}
            onNext={() => users.data?.nextCursor && pages.next(users.data.nextCursor)}
            onPrevious={pages.previous}
          />
        }
      />
      {creating ? <CreateUserDialog onClose={() => setCreating(false)} directory={directory} /> : null}
    </>
  );
}
