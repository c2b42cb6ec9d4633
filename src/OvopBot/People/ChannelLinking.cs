using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Records;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Understanding;

namespace OvopBot.People;

/// <summary>
/// What the conversation step does after <see cref="ChannelLinking.Step"/>: nothing (<see cref="None"/>), say the
/// replies and stop (<see cref="Answered"/>), or say them and then let the engine carry on — greeting the person back
/// at their question when <see cref="Resume"/> (after a link, or after the person cancelled one).
/// </summary>
public sealed record LinkStep(IReadOnlyList<OutboundMessage> Replies, bool Answered, bool Resume)
{
    public static readonly LinkStep None = new([], false, false);
}

/// <summary>
/// Linking a channel on purpose. Someone writes a record's reference (OVOP-…) from a new channel (B); a one-time code
/// goes to the contact that owns the record (A), and B is asked to type it here. The right code within
/// <see cref="CodeLifetime"/> joins B to A's person (<see cref="PersonLinks"/>): A's conversation and record go on
/// from B. Knowing a reference is never enough to take a record over, because the code only ever goes to A (who is
/// told when a link is made). Wrong codes count (<see cref="MaxAttempts"/> a code); codes are limited a day per
/// sender and per record owner, so nobody can flood an owner or guess their way in; BATAL (or 1), PENDAMPING or any
/// other command leave the linking at once. Runs inside the conversation step's write transaction, before the engine;
/// only a SHA-256 of the code is stored.
/// </summary>
public static partial class ChannelLinking
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public const int MaxAttempts = 5;
    public const int MaxRequestsPerDay = 3;
    private const int CodeLength = 6;

    /// <summary>The person's message seen by the linking dialog; see <see cref="LinkStep"/> for what comes next.</summary>
    /// <param name="others">Channels of other contacts told something (the code, the link notice), to wake their senders.</param>
    public static LinkStep Step(WriteTransaction write, FlowDefinition flow, StoredInbound stored, DateTimeOffset now, ISet<string> others)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(others);
        // A flow without the linking texts does not offer linking.
        if (stored.Message.Kind is not (InboundKind.Text or InboundKind.Command) || !flow.Texts.ContainsKey("link_code_sent"))
        {
            return LinkStep.None;
        }

        var text = TextCleaner.Clean(stored.Message.Text);
        var dialog = new Dialog(write, flow, stored.ContactId, now, others);
        var open = dialog.OpenRequest();
        if (Reference(text) is { } reference)
        {
            return dialog.Request(reference, open);
        }

        if (open is null)
        {
            return LinkStep.None;
        }

        if (now >= open.ExpiresAt)
        {
            // Noticed only now: a code typed late gets told so; anything else goes on as if no link was asked.
            dialog.Close(open, "expired");
            return Code(text) is null ? LinkStep.None : dialog.Answer("link_expired", ("reference", open.Reference));
        }

        if (IsCancel(flow, text))
        {
            dialog.Close(open, "cancelled");
            return new LinkStep([dialog.Say("link_cancelled")], Answered: false, Resume: true);
        }

        if (new CommandMatcher(flow).Match(text) is not null)
        {
            // PENDAMPING, HAPUS DATA, BANTUAN…: never a dead end; the command is answered as usual, the link is off.
            dialog.Close(open, "cancelled");
            return new LinkStep([dialog.Say("link_cancelled")], Answered: false, Resume: false);
        }

        return Code(text) is { } code ? dialog.Check(open, code) : dialog.Answer("link_waiting", ("channel", dialog.ChannelName(open.ToChannel)));
    }

    /// <summary>The reference in a message ("OVOP-5301082003-1", "ovop 000042"), canonical, or null.</summary>
    public static string? Reference(string? text)
    {
        if (text is null || text.Length > 40 || InviteCode.Recognise(text) is not null)
        {
            return null;
        }

        var match = ReferenceShape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups[2].Success ? $"OVOP-{match.Groups[1].Value}-{match.Groups[2].Value}" : $"OVOP-{match.Groups[1].Value}";
    }

    /// <summary>Six digits, however spaced ("123 456", "123-456"), or null.</summary>
    private static string? Code(string text)
    {
        if (text.Length > 20 || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == CodeLength ? digits : null;
    }

    /// <summary>The numbered choice 1, or a word of the flow's <c>link_cancel_words</c> in any of its languages (BATAL, CANCEL).</summary>
    private static bool IsCancel(FlowDefinition flow, string text)
    {
        var folded = TextCleaner.Fold(text);
        return folded == "1" || (flow.Texts.ContainsKey("link_cancel_words")
                                 && flow.Languages.SelectMany(l => flow.Text("link_cancel_words", l).Split(','))
                                     .Any(w => TextCleaner.Fold(w) == folded));
    }

    private static string Hash(long from, long to, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{from}:{to}:{code}"))));

    [GeneratedRegex(@"^OVOP[\s\-_.]*(\d{6,13})(?:[\s\-_.]+(\d{1,5}))?[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceShape();

    private sealed record OpenLink(long Id, long ToContact, string ToChannel, string Reference, string CodeHash, int Attempts,
        DateTimeOffset ExpiresAt);

    /// <summary>One message's turn in the dialog: the contact writing (B), their language, the transaction.</summary>
    private sealed class Dialog(WriteTransaction write, FlowDefinition flow, long contactId, DateTimeOffset now, ISet<string> others)
    {
        private string? _language;

        /// <summary>The person's language, read only when something is said (most messages pass by untouched).</summary>
        private string Language => _language ??= flow.LanguageOrDefault(
            ContactStore.Language(write, PersonLinks.Root(write, contactId)) ?? ContactStore.Language(write, contactId));

        public OpenLink? OpenRequest()
        {
            var row = write.Connection.QuerySingleOrDefault<(long Id, long ToContact, string ToChannel, string? Reference, string CodeHash,
                int Attempts, string ExpiresAt)?>(
                """
                SELECT l.id, l.to_contact, c.channel, s.reference, l.code_hash, l.attempts, l.expires_at
                FROM link_requests l JOIN contacts c ON c.id = l.to_contact LEFT JOIN submissions s ON s.id = l.submission_id
                WHERE l.from_contact = @contactId AND l.closed_at IS NULL
                ORDER BY l.id DESC LIMIT 1
                """, new { contactId }, write.Transaction);
            return row is { } r
                ? new OpenLink(r.Id, r.ToContact, r.ToChannel, r.Reference ?? "-", r.CodeHash, r.Attempts, DbTime.Read(r.ExpiresAt))
                : null;
        }

        /// <summary>A reference arrived: check it, then send a code to the record's owner (closing any earlier request).</summary>
        public LinkStep Request(string reference, OpenLink? open)
        {
            var record = write.Connection.QuerySingleOrDefault<(long Id, long Owner)?>(
                "SELECT id, contact_id FROM submissions WHERE reference = @reference AND status <> 'draft' ORDER BY id LIMIT 1",
                new { reference }, write.Transaction);
            if (record is not { } found)
            {
                return Answer("link_unknown_reference", ("reference", reference));
            }

            var owner = write.Connection.QuerySingle<(string Channel, bool Reachable, string? ErasedAt, string? LastInboundAt)>(
                "SELECT channel, reachable, erased_at, last_inbound_at FROM contacts WHERE id = @Owner", new { found.Owner },
                write.Transaction);
            if (PersonLinks.Root(write, found.Owner) == PersonLinks.Root(write, contactId))
            {
                return Answer("link_already", ("reference", reference));
            }

            if (owner.ErasedAt is not null || !owner.Reachable)
            {
                return Answer("link_owner_unreachable", ("reference", reference));
            }

            // WhatsApp carries free text only within 24 hours of the person's last message there.
            if (owner.Channel == "whatsapp" && (owner.LastInboundAt is null || now - DbTime.Read(owner.LastInboundAt) > TimeSpan.FromHours(23)))
            {
                return Answer("link_owner_window", ("channel", ChannelName(owner.Channel)), ("reference", reference));
            }

            var since = DbTime.Write(now - TimeSpan.FromDays(1));
            var recent = write.Connection.QuerySingle<(int FromHere, int ToOwner)>(
                """
                SELECT (SELECT count(*) FROM link_requests WHERE from_contact = @contactId AND created_at > @since),
                       (SELECT count(*) FROM link_requests WHERE to_contact = @Owner AND created_at > @since)
                """, new { contactId, found.Owner, since }, write.Transaction);
            if (recent.FromHere >= MaxRequestsPerDay || recent.ToOwner >= MaxRequestsPerDay)
            {
                return Answer("link_too_often");
            }

            if (open is not null)
            {
                Close(open, "replaced");
            }

            var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            write.Connection.Execute(
                """
                INSERT INTO link_requests (from_contact, to_contact, submission_id, code_hash, created_at, expires_at)
                VALUES (@contactId, @Owner, @Id, @hash, @created, @expires)
                """,
                new
                {
                    contactId, found.Owner, found.Id, hash = Hash(contactId, found.Owner, code),
                    created = DbTime.Write(now), expires = DbTime.Write(now + CodeLifetime),
                }, write.Transaction);
            var minutes = ((int)CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);
            Notify(found.Owner, "link_code", ("code", code), ("reference", reference), ("channel", ChannelName(Channel(contactId))),
                ("minutes", minutes));
            return Answer("link_code_sent", ("channel", ChannelName(owner.Channel)), ("reference", reference), ("minutes", minutes));
        }

        /// <summary>A code typed while a request is open: the right one links, a wrong one counts.</summary>
        public LinkStep Check(OpenLink open, string code)
        {
            var typed = Hash(contactId, open.ToContact, code);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(open.CodeHash)))
            {
                Link(open.ToContact);
                Close(open, "linked");
                Notify(open.ToContact, "link_done_notice", ("channel", ChannelName(Channel(contactId))));
                return new LinkStep([Say("link_done", ("reference", open.Reference))], Answered: false, Resume: true);
            }

            var attempts = open.Attempts + 1;
            write.Connection.Execute("UPDATE link_requests SET attempts = @attempts WHERE id = @Id", new { attempts, open.Id }, write.Transaction);
            if (attempts >= MaxAttempts)
            {
                Close(open, "too_many_attempts");
                return Answer("link_too_many");
            }

            return Answer("link_wrong_code", ("left", (MaxAttempts - attempts).ToString(CultureInfo.InvariantCulture)),
                ("channel", ChannelName(open.ToChannel)));
        }

        /// <summary>
        /// Joins this contact to the owner's person. The owner's conversation is the one that goes on: this contact's
        /// own session and unsent draft (a registration it had begun before linking) go.
        /// </summary>
        private void Link(long owner)
        {
            var root = PersonLinks.Root(write, owner);
            var joining = PersonLinks.Root(write, contactId);
            var (_, draft) = SessionStore.Load(write, joining);
            SubmissionStore.DeleteDraft(write, draft);
            write.Connection.Execute(
                """
                DELETE FROM sessions WHERE contact_id = @joining;
                DELETE FROM submissions WHERE id = @draft AND status = 'draft'
                  AND NOT EXISTS (SELECT 1 FROM submission_history h WHERE h.submission_id = submissions.id)
                  AND NOT EXISTS (SELECT 1 FROM submission_proposals p WHERE p.submission_id = submissions.id);
                """, new { joining, draft }, write.Transaction);
            PersonLinks.Join(write, contactId, root);
        }

        public void Close(OpenLink open, string outcome) =>
            write.Connection.Execute("UPDATE link_requests SET closed_at = @now, outcome = @outcome WHERE id = @Id",
                new { open.Id, outcome, now = DbTime.Write(now) }, write.Transaction);

        public LinkStep Answer(string key, params (string Name, string Value)[] values) =>
            new([Say(key, values)], Answered: true, Resume: false);

        public OutboundMessage Say(string key, params (string Name, string Value)[] values) =>
            new() { Text = flow.Text(key, Language, values.ToDictionary(v => v.Name, v => v.Value)) };

        /// <summary>"WhatsApp", "SMS"… as the flow names the channel (<c>channel_NAME</c>), else the channel's id.</summary>
        public string ChannelName(string channel) =>
            flow.Texts.ContainsKey("channel_" + channel) ? flow.Text("channel_" + channel, Language) : channel;

        private string Channel(long id) =>
            write.Connection.QuerySingle<string>("SELECT channel FROM contacts WHERE id = @id", new { id }, write.Transaction);

        private void Notify(long to, string key, params (string Name, string Value)[] values)
        {
            if (PersonNotice.Send(write, flow, to, key, values.ToDictionary(v => v.Name, v => v.Value), now) is { } channel)
            {
                others.Add(channel);
            }
        }
    }
}
