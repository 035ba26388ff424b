import type { Permission } from "@kuulo/domain/access";
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import type { PickerWindow } from "./recording-search.js";
import { RecordingsPicker } from "./recordings-picker.js";

/**
 * The recordings picker as a react-hook-form field: every form that takes recordings (disclosures, legal
 * holds, erasure) binds it alike; an empty choice reads "choose at least one", a refusal as the API words it.
 */
export function RecordingsField<T extends FieldValues>({
  control,
  name,
  permission,
  within,
  legend,
}: {
  control: Control<T>;
  name: Path<T>;
  permission: Permission;
  within?: PickerWindow | undefined;
  legend?: string;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <RecordingsPicker
          selected={field.value}
          onChange={field.onChange}
          permission={permission}
          within={within}
          legend={legend}
          error={fieldError(t, fieldState.error, t("validation.chooseOne"))}
        />
      )}
    />
  );
}
