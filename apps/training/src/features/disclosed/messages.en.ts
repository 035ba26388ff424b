/** English strings of the disclosed recordings page. */
export const disclosedEn = {
  disclosed: {
    title: "Disclosed to me",
    description:
      "Recordings disclosed to you for training under your non-disclosure undertaking. Listening only, within the validity period.",
    emptyTitle: "Nothing is disclosed to you right now",
    emptyBody:
      "Material appears here when a disclosure to you is active. Contact the controller's privacy officer if you expected some.",
    setTitle: "Disclosed recordings",
    validity: "Valid {{from}} – {{until}}",
    openPlaylist: "Open the disclosed playlist",
    opensOn:
      "A disclosure to you opens on {{from}} and is valid until {{until}}. Its recordings appear here then.",
    opensOnOpenEnded: "A disclosure to you opens on {{from}}. Its recordings appear here then.",
    listen: "Listen",
    close: "Close player",
  },
};
