import { DateField, type DateFieldProps } from "@kuulo/ui";
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";

/** A date (and time) field bound to a react-hook-form value, its error worded like the form's others. */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  label,
  kind,
  hint,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  kind: NonNullable<DateFieldProps["kind"]>;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
          label={label}
          kind={kind}
          hint={hint}
          name={field.name}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldError(t, fieldState.error)}
        />
      )}
    />
  );
}
