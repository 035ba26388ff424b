/** English strings of the approvals page (the second person's decision on a role). */
export const approvalsEn = {
  approvals: {
    title: "Listening rights awaiting approval",
    description:
      "Managing users does not by itself let anyone listen: a role that lets someone listen, or a new password link for such a person, takes effect only when you approve it. You cannot decide on what you asked for yourself.",
    empty: "Nothing awaits approval",
    emptyHint: "Requests appear here when an administrator gives someone a role that lets them listen.",
    person: "Person",
    what: "Requested",
    askedBy: "Asked by",
    askedAt: "Asked",
    roleIn: "{{role}} in {{unit}}",
    passwordLink: "A new one-time password link",
    unknownRequester: "(account removed)",
    approve: "Approve",
    approveTitle: "Approve for {{name}}?",
    approveBody:
      "{{what}} takes effect for {{name}} now. If anyone else could know their password, it is cleared and you receive the one-time link to give them.",
    refuse: "Refuse",
    refuseTitle: "Refuse for {{name}}?",
    refuseBody: "{{what}} is not given to {{name}}. The refusal is recorded in the audit log.",
    approvedTitle: "Approved for {{name}}",
    keepsPassword: "{{name}} keeps their own password; nothing to hand over.",
    awaiting: "awaiting approval",
    createdNotice:
      "{{name}} was created. Their listening role awaits a privacy officer's approval; the one-time password link goes to the approver, not to you.",
    resetNotice:
      "The password of {{name}} no longer works. Because they can listen to recordings, the new one-time link goes to a privacy officer to approve and hand over.",
    grantNotice:
      "The role lets the person listen, so it awaits a privacy officer's approval before it takes effect.",
  },
};
