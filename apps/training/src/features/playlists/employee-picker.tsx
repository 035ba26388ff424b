import { NameCombobox, useNameSearch, useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

export interface PickedEmployee {
  id: string;
  name: string;
  username: string;
}

/** The people playlists.assign accepts for this playlist, by name; those already assigned or picked are left out. */
export function EmployeePicker({
  playlistId,
  excludedIds,
  onPick,
}: {
  playlistId: string;
  excludedIds: ReadonlySet<string>;
  onPick: (person: PickedEmployee) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const search = useNameSearch();
  const query = useQuery({
    ...trpc.playlists.assignableUsers.queryOptions({ playlistId, search: search.term }),
    enabled: search.term !== "",
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? [])
    .filter((person) => !excludedIds.has(person.id))
    .map((person) => ({
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      username: person.username,
      detail: person.username,
    }));
  return (
    <NameCombobox
      label={t("assign.people")}
      hint={t("assign.searchBy")}
      search={search}
      options={options}
      query={query}
      noMatches={t("assign.noPeople")}
      onPick={({ id, name, username }) => onPick({ id, name, username })}
    />
  );
}
