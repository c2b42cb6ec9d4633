namespace OvopBot.Exports;

/// <summary>
/// The words of the fixed columns (codes, names, status, times…) and of the few values the exports spell out, in
/// Bahasa Indonesia and English. These are operator-facing export headers, not conversation text, so they live here
/// rather than in the flow; columns of answers take their headers from the flow's node labels instead.
/// </summary>
internal static class ExportHeaders
{
    private static readonly Dictionary<string, (string Id, string En)> Words = new(StringComparer.Ordinal)
    {
        ["reference"] = ("Nomor referensi", "Reference number"),
        ["status"] = ("Status", "Status"),
        ["revision"] = ("Revisi", "Revision"),
        ["province_code"] = ("Kode provinsi", "Province code"),
        ["province_name"] = ("Provinsi", "Province"),
        ["regency_code"] = ("Kode kabupaten/kota", "Regency code"),
        ["regency_name"] = ("Kabupaten/kota", "Regency"),
        ["district_code"] = ("Kode kecamatan", "District code"),
        ["district_name"] = ("Kecamatan", "District"),
        ["village_code"] = ("Kode desa/kelurahan", "Village code"),
        ["village_name"] = ("Desa/kelurahan", "Village"),
        ["channel"] = ("Kanal", "Channel"),
        ["address"] = ("ID pengguna", "User id"),
        ["display_name"] = ("Nama akun", "Account name"),
        ["contact_phone"] = ("Nomor HP (kanal)", "Phone (channel)"),
        ["language"] = ("Bahasa", "Language"),
        ["session_status"] = ("Status percakapan", "Conversation status"),
        ["current_question"] = ("Pertanyaan terakhir", "Current question"),
        ["opted_out"] = ("Berhenti pengumuman", "Opted out"),
        ["reachable"] = ("Dapat dihubungi", "Reachable"),
        ["created_at"] = ("Pertama kali (WITA)", "First contact (WITA)"),
        ["last_inbound_at"] = ("Pesan terakhir (WITA)", "Last message (WITA)"),
        ["started_at"] = ("Mulai (WITA)", "Started (WITA)"),
        ["submitted_at"] = ("Dikirim (WITA)", "Submitted (WITA)"),
        ["updated_at"] = ("Diperbarui (WITA)", "Updated (WITA)"),
        ["time"] = ("Waktu (WITA)", "Time (WITA)"),
        ["direction"] = ("Arah", "Direction"),
        ["question"] = ("Pertanyaan", "Question"),
        ["node_id"] = ("Kode pertanyaan", "Question id"),
        ["message_kind"] = ("Jenis pesan", "Message kind"),
        ["text"] = ("Teks", "Text"),
        ["media"] = ("Media", "Media"),
        ["delivery"] = ("Status kirim", "Delivery status"),
        ["request_type"] = ("Jenis dukungan", "Support type"),
        ["latitude"] = ("lintang", "latitude"),
        ["review_state"] = ("Status pemeriksaan", "Review state"),
        ["reviewed_by"] = ("Diperiksa oleh", "Reviewed by"),
        ["reviewed_at"] = ("Diperiksa (WITA)", "Reviewed (WITA)"),
        ["review_note"] = ("Catatan pemeriksaan", "Review note"),
        ["longitude"] = ("bujur", "longitude"),
        // Values, not headers.
        ["direction_in"] = ("Masuk", "In"),
        ["direction_out"] = ("Keluar", "Out"),
        ["status_draft"] = ("Draf", "Draft"),
        ["status_submitted"] = ("Terkirim", "Submitted"),
        ["yes"] = ("Ya", "Yes"),
        ["review_submitted"] = ("Baru", "New"),
        ["review_verified"] = ("Terverifikasi", "Verified"),
        ["review_needs_fixing"] = ("Perlu perbaikan", "Needs fixing"),
        ["review_resubmitted"] = ("Dikirim ulang", "Resubmitted"),
        ["kind_0"] = ("Balasan", "Reply"),
        ["kind_1"] = ("Pengingat", "Reminder"),
        ["kind_2"] = ("Pengumuman", "Broadcast"),
        ["session_NotStarted"] = ("Belum mulai", "Not started"),
        ["session_Active"] = ("Sedang mengisi", "In progress"),
        ["session_Submitted"] = ("Selesai", "Finished"),
        ["session_Declined"] = ("Tidak setuju", "Declined"),
        ["sheet_Submissions"] = ("Data desa", "Submissions"),
        ["sheet_Requests"] = ("Permintaan dukungan", "Support requests"),
        ["sheet_Conversations"] = ("Percakapan", "Conversations"),
        ["sheet_Contacts"] = ("Kontak", "Contacts"),
        ["no"] = ("Tidak", "No"),
    };

    /// <summary>The word in the language ("id" or "en"; any other language gets English).</summary>
    public static string Get(string key, string language)
    {
        var (id, en) = Words[key];
        return language == "id" ? id : en;
    }

    public static ExportColumn Column(string key, ColumnType type, string language) => new(key, Get(key, language), type);

    /// <summary>The submission status as a word (<c>submitted</c> → "Terkirim"); unknown statuses pass through.</summary>
    public static string Status(string status, string language) => Value("status_", status, language);

    /// <summary>The word for <paramref name="prefix"/> + <paramref name="value"/>, or the value itself when there is none.</summary>
    public static string Value(string prefix, string value, string language) =>
        Words.ContainsKey(prefix + value) ? Get(prefix + value, language) : value;

    public static string YesNo(bool value, string language) => Get(value ? "yes" : "no", language);
}
