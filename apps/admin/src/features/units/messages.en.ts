/** English strings of the units page. */
export const unitsEn = {
  units: {
    title: "Units",
    description: "Organisational units scope roles: a trainer in a unit sees only that unit's recordings.",
    create: "New unit",
    editTitle: "Edit {{name}}",
    name: "Name",
    code: "Code",
    codeHint: "Short identifier, e.g. SALES-HKI.",
    organisation: "Organisation",
    parent: "Parent unit",
    noParent: "None (top level)",
    empty: "No units yet",
    emptyHint: "Create units to scope roles, e.g. one per sales or service team.",
  },
};
