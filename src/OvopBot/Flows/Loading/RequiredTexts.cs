namespace OvopBot.Flows.Loading;

/// <summary>
/// The shared texts (<c>texts:</c> in a flow file) that the engine uses, so the validator can refuse a flow that
/// lacks one. Keeping the list here means every user-facing word stays in the flow files.
/// </summary>
internal static class RequiredTexts
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "help", "options_footer", "skip_hint", "progress", "welcome_back",
        "status_not_started", "status_in_progress", "status_submitted", "status_declined",
        "language_prompt", "language_changed", "opted_out", "opted_in",
        "restart_confirm", "restart_done", "restart_cancelled", "back_unavailable", "skip_not_allowed",
        "unsupported_message", "edited_ignored", "empty_message", "too_long",
        "did_you_mean", "choice_unclear", "multichoice_unclear", "yesno_unclear",
        "number_unclear", "number_too_small", "number_too_large", "money_unclear",
        "text_too_short", "text_too_long", "expect_photo", "expect_voice", "expect_location", "phone_unclear",
        "month_unclear", "summary_footer", "summary_unclear", "finished_menu", "answer_skipped",
        "menu_button", "expect_text", "multichoice_too_many", "multichoice_footer", "answer_yes", "answer_no",
        "answer_photo", "answer_voice", "answer_skipped_display", "month_names", "all_year", "language_name", "finished_closed", "finished_review", "finished_close", "help_hint", "submit_not_yet",
        "share_location_button", "share_phone_button",
        // issue 12: ways out, "tidak tahu", a person to ask, the paged summary
        "help_commands", "help_person", "help_continue", "stuck_example", "stuck_ways", "way_unknown", "way_skip", "way_back",
        "way_person", "answer_unknown", "answer_unknown_display", "unknown_not_allowed", "voice_forwarded", "handoff_prompt",
        "handoff_sent", "handoff_cancelled", "handoff_answer", "handoff_timeout", "summary_page", "summary_more", "summary_first",
        // issue 6: invite codes and reminders
        "role_facilitator", "role_admin", "invite_accepted", "invite_used", "invite_expired", "invite_unknown",
        "reminder", "reminder_progress", "reminder_footer",
        // issue 11: poison messages, flooding, numbers too large to read, media over the storage caps
        "message_failed", "please_wait", "number_huge", "media_not_kept",
    ];

    /// <summary>
    /// Texts of the staff flow that workers outside a dialog use (the broadcast's final report, the exported file's
    /// message); the dialogs' own texts are declared by their actions (<see cref="OvopBot.Flows.Actions.DialogActionAttribute"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> StaffKeys =
    [
        "staff_broadcast_report", "staff_export_ready", "staff_export_empty", "staff_export_too_large", "staff_export_failed",
        "staff_export_kind_submissions", "staff_export_kind_requests", "staff_export_kind_conversations", "staff_export_kind_contacts", "staff_export_refused",
    ];

    /// <summary>
    /// Texts a registration flow with a person to ask (<c>person</c>) or a village question sends to staff, or for them:
    /// a question forwarded by PENDAMPING and its unanswered report (issue 12), a proposed change and a question about a
    /// record (issue 14), and the fix request a facilitator's review puts to the village head (the review dialog itself
    /// is in the staff flow).
    /// </summary>
    public static readonly IReadOnlyList<string> StaffNoticeKeys =
    [
        "staff_proposal_notice", "staff_ask_notice", "fix_intro",
        "staff_handoff", "staff_handoff_voice", "staff_handoff_no_village", "staff_handoff_timeout",
    ];

    /// <summary>Texts needed by flows that define the data-rights commands (my_data, erase).</summary>
    public static readonly IReadOnlyList<string> PrivacyKeys =
    [
        "my_data_none", "my_data_contact", "my_data_consent", "my_data_record", "my_data_counts", "my_data_footer",
        "erase_confirm", "erase_done", "erase_cancelled",
    ];

    /// <summary>Texts needed only by flows that ask for a village (the official-list dialog).</summary>
    public static readonly IReadOnlyList<string> VillageKeys =
    [
        "village_unclear", "village_confirm", "village_choose", "village_none", "village_not_found", "village_ask_district",
        "village_district_unknown", "village_choose_district", "village_pick", "village_next_page", "village_outside_scope",
        "village_display", "district_display", "village_kind_desa", "village_kind_kelurahan", "village_claim",
        "village_claim_update", "village_claim_other", "village_claim_review", "village_claim_declined",
        "village_store_typed", "village_unmatched_display",
        // issue 14: a registered village named by someone who may not update it
        "village_claim_stranger", "village_claim_propose", "village_claim_ask", "village_claim_proposing", "village_claim_asked",
        "proposal_sent", "proposal_status", "proposal_owner_notice", "proposal_owner_accepted", "proposal_owner_rejected",
        "proposal_proposer_accepted", "proposal_proposer_rejected",
    ];
}
