/** English strings of the dashboard's and retention's charts (spread into the admin namespace). */
export const chartsEn = {
  charts: {
    noActivity: "No recordings were ingested and nobody listened in the last {{days}} days.",
  },
};

/** English strings of the overview page itself. */
export const dashboardEn = {
  dashboard: {
    qualityOff:
      "Quality review is off: the register description as written does not declare feedback or evaluations of staff.",
    qualityOffLink: "Turn it on under Quality review",
    title: "Overview",
    greeting: "Welcome, {{name}}.",
    nothing: "Your roles do not include administration. Use the training portal for training.",
    usersByRole: "Active users by role",
    storageUsed: "Storage used",
    recordings: "Recordings stored",
    perDay: "Recordings ingested and listens per day",
    recordingsIngested: "Recordings ingested",
    listens: "Listens",
    dueForPurge: "Recordings coming due for purge",
    dueForPurgeHint: "Per week, from this week on. Recordings under legal hold are not counted.",
    weekStarting: "Week starting {{day}}",
    nothingDue: "Nothing comes due for purge in the next {{weeks}} weeks.",
    summary: "Register in figures",
    hours: "Hours of audio",
    overdue: "Overdue for purge",
    legalHold: "Under legal hold",
  },
};
