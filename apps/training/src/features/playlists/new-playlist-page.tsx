import {
  FormError,
  PageHeader,
  SelectField,
  TextField,
  useTRPC,
  useUnsavedChangesGuard,
  WhyLink,
} from "@kuulo/ui";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import { useTrainerUnits } from "./use-trainer-units.js";

/** Step one of a playlist: its title, description and owning unit; items are added in the editor. */
export function NewPlaylistPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const units = useTrainerUnits();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.playlists.create.mutationOptions());
  const guard = useUnsavedChangesGuard(title.trim() !== "" || description.trim() !== "");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: t("playlists.titleRequired") });
      return;
    }
    setErrors({});
    try {
      const playlist = await create.mutateAsync({ title, description, unitId });
      guard.release();
      await navigate({ to: "/playlists/$playlistId", params: { playlistId: playlist.id } });
    } catch (error) {
      const refusal = describeRefusal(error, i18n.language, t("error.saveFailed"));
      setErrors({
        [refusal.field && ["title", "description", "unitId"].includes(refusal.field)
          ? refusal.field
          : "form"]: refusal.message,
      });
    }
  };
  return (
    <>
      <PageHeader
        title={t("playlists.newTitle")}
        actions={<Link to="/playlists">{t("playlists.backToList")}</Link>}
      />
      <form className="card stack form-narrow" onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <TextField
          label={t("playlists.fieldTitle")}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.title}
          maxLength={200}
          required
        />
        <div className={`field${errors.description ? " field--invalid" : ""}`}>
          <label htmlFor="new-description">{t("playlists.fieldDescription")}</label>
          <textarea
            id="new-description"
            rows={4}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "new-description-error" : "new-description-hint"}
          />
          <p id="new-description-hint" className="field__hint">
            {t("playlists.noCustomerData")}
          </p>
          <WhyLink clause="data_content" />
          {errors.description ? (
            <p id="new-description-error" className="field__error">
              {errors.description}
            </p>
          ) : null}
        </div>
        <SelectField
          label={t("playlists.unit")}
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          error={errors.unitId}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.label}
            </option>
          ))}
        </SelectField>
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || units.length === 0}
          >
            {t("playlists.create")}
          </button>
        </div>
      </form>
      {guard.prompt}
    </>
  );
}
