/** English strings of the dashboard's and retention's charts (spread into the admin namespace). */
export const chartsEn = {
  charts: {
    noActivity: "No recordings were ingested and nobody listened in the last {{days}} days.",
  },
};
