using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Engine;
using OvopBot.Records;
using OvopBot.Storage;

namespace OvopBot.People;

/// <summary>
/// The actions of the linking dialog (<c>flows/linking.yaml</c>), in the message's transaction. Knowing a reference is
/// never enough to take a record over: the code only ever goes to the contact that owns the record (A), who is told
/// when a link is made; the one writing (B) only ever sees the outcome. Wrong codes count
/// (<see cref="ChannelLinking.MaxAttempts"/> a code), codes are limited a day per sender and per record owner
/// (<see cref="ChannelLinking.MaxRequestsPerDay"/>), so nobody can flood an owner or guess their way in; only a
/// SHA-256 of the code is stored.
/// </summary>
[DialogAction("link.request", Outcomes = ["unknown", "already", "unreachable", "window", "too_often"], Texts = ["link_code"])]
[DialogAction("link.check", Outcomes = ["linked", "wrong", "too_many"], Texts = ["link_done_notice"])]
[DialogAction("link.close", Outcomes = ["code"])]
[DialogAction("link.pending", Outcomes = ["none"])]
public sealed class LinkActions(Signals signals) : IDialogActions
{
    public Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(action switch
        {
            "link.request" => Request(context),
            "link.check" => Check(context),
            "link.close" => Close(context),
            "link.pending" => LinkRequests.Open(context.Write, context.Staff.ContactId) is { } open ? WithRequest(context, open) : ActionOutcome.Of("none"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a linking action"),
        });
    }

    /// <summary>A reference arrived: check it and the limits, then send a code to the record's owner (replacing an earlier request).</summary>
    private ActionOutcome Request(DialogActionContext context)
    {
        var (write, contactId, now) = (context.Write, context.Staff.ContactId, context.Now);
        var reference = ChannelLinking.Reference(context.Input) ?? context.Input;
        if (LinkRequests.Record(write, reference) is not { } record)
        {
            return Refused("unknown", reference);
        }

        var owner = LinkRequests.Owner(write, record.Owner);
        if (PersonLinks.Root(write, record.Owner) == PersonLinks.Root(write, contactId))
        {
            return Refused("already", reference);
        }

        if (owner.ErasedAt is not null || !owner.Reachable)
        {
            return Refused("unreachable", reference);
        }

        // WhatsApp carries free text only within 24 hours of the person's last message there.
        if (owner.Channel == "whatsapp" && (owner.LastInboundAt is null || now - DbTime.Read(owner.LastInboundAt) > TimeSpan.FromHours(23)))
        {
            return Refused("window", reference, ChannelName(context, owner.Channel));
        }

        var recent = LinkRequests.Recent(write, contactId, record.Owner, now - TimeSpan.FromDays(1));
        if (recent.FromHere >= ChannelLinking.MaxRequestsPerDay || recent.ToOwner >= ChannelLinking.MaxRequestsPerDay)
        {
            return Refused("too_often", reference);
        }

        if (LinkRequests.Open(write, contactId) is { } earlier)
        {
            LinkRequests.Close(write, earlier.Id, "replaced", now);
        }

        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        LinkRequests.Add(write, contactId, record.Owner, record.Id, Hash(contactId, record.Owner, code), now, now + ChannelLinking.CodeLifetime);
        var minutes = ((int)ChannelLinking.CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        var told = PersonNotice.Send(write, context.Flow, record.Owner, "link_code", new Dictionary<string, string>
        {
            ["code"] = code, ["reference"] = reference, ["channel"] = ChannelName(context, LinkRequests.Channel(write, contactId)), ["minutes"] = minutes,
        }, now);
        return new ActionOutcome
        {
            Values = new Dictionary<string, string> { ["channel"] = ChannelName(context, owner.Channel), ["reference"] = reference, ["minutes"] = minutes },
            AfterCommit = Wake(told),
        };
    }

    /// <summary>A message while the code is awaited (and not expired): the right code links, a wrong one counts.</summary>
    private ActionOutcome Check(DialogActionContext context)
    {
        var (write, contactId, now) = (context.Write, context.Staff.ContactId, context.Now);
        var open = LinkRequests.Open(write, contactId) ?? throw new InvalidOperationException("the router checks a code only while a request is open");
        if (ChannelLinking.Code(context.Input) is not { } code)
        {
            return WithRequest(context, open);
        }

        var typed = Hash(contactId, open.ToContact, code);
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(open.CodeHash)))
        {
            var root = PersonLinks.Root(write, open.ToContact);
            LinkRequests.ForgetConversation(write, PersonLinks.Root(write, contactId));
            PersonLinks.Join(write, contactId, root);
            LinkRequests.Close(write, open.Id, "linked", now);
            var told = PersonNotice.Send(write, context.Flow, open.ToContact, "link_done_notice",
                new Dictionary<string, string> { ["channel"] = ChannelName(context, LinkRequests.Channel(write, contactId)) }, now);
            return WithRequest(context, open, "linked") with { AfterCommit = Wake(told) };
        }

        var attempts = open.Attempts + 1;
        LinkRequests.CountAttempt(write, open.Id, attempts);
        if (attempts >= ChannelLinking.MaxAttempts)
        {
            LinkRequests.Close(write, open.Id, "too_many_attempts", now);
            return ActionOutcome.Of("too_many");
        }

        var wrong = WithRequest(context, open, "wrong");
        return wrong with { Values = new Dictionary<string, string>(wrong.Values) { ["left"] = (ChannelLinking.MaxAttempts - attempts).ToString(CultureInfo.InvariantCulture) } };
    }

    /// <summary>The linking is left (the code expired, 1 / BATAL, another command): the request closes; a code typed late is said so.</summary>
    private static ActionOutcome Close(DialogActionContext context)
    {
        var typedCode = ChannelLinking.Code(context.Input) is null ? null : "code";
        if (LinkRequests.Open(context.Write, context.Staff.ContactId) is not { } open)
        {
            return new ActionOutcome { Outcome = typedCode };
        }

        LinkRequests.Close(context.Write, open.Id, context.Command == DialogInputs.Expired ? "expired" : "cancelled", context.Now);
        return WithRequest(context, open, typedCode);
    }

    /// <summary>The open request's reference and where its code went, for the dialog's texts (<c>{reference}</c>, <c>{channel}</c>).</summary>
    private static ActionOutcome WithRequest(DialogActionContext context, OpenLink open, string? outcome = null) => new()
    {
        Outcome = outcome,
        Values = new Dictionary<string, string> { ["reference"] = open.Reference, ["channel"] = ChannelName(context, open.ToChannel) },
    };

    private static ActionOutcome Refused(string outcome, string reference, string? channel = null) => new()
    {
        Outcome = outcome,
        Values = channel is null
            ? new Dictionary<string, string> { ["reference"] = reference }
            : new Dictionary<string, string> { ["reference"] = reference, ["channel"] = channel },
    };

    /// <summary>"WhatsApp", "SMS"… as the flow names the channel (<c>channel_NAME</c>), else the channel's id.</summary>
    private static string ChannelName(DialogActionContext context, string channel) =>
        context.Flow.Texts.ContainsKey("channel_" + channel) ? context.Text("channel_" + channel) : channel;

    private static string Hash(long from, long to, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{from}:{to}:{code}"))));

    /// <summary>The record owner's sender, woken once the code or the notice is committed.</summary>
    private Func<CancellationToken, Task>? Wake(string? channel) => channel is null ? null : _ =>
    {
        signals.Outbox(channel).Notify();
        return Task.CompletedTask;
    };
}
