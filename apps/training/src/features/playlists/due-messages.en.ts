/** English strings of assignment due days (spread into the training namespace as `due`). */
export const dueEn = {
  label: "Due date (optional)",
  hint: "Write the date as {{pattern}}. Assignees see it in My training.",
  invalid: "Write the date as {{pattern}}, for example {{example}}.",
  past: "The due date cannot be in the past.",
  assigned: "due {{date}}",
  mine: "Due {{date}}",
  overdue: "Overdue",
  column: "Due",
  none: "–",
  overdueCount_one: "{{count}} overdue",
  overdueCount_other: "{{count}} overdue",
};
