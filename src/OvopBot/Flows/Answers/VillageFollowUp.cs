using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OvopBot.Flows.Answers;

/// <summary>
/// The village question's own small dialog, between the search and the saved answer. Each stage is one question the
/// person was just asked; <see cref="VillageInterpreter"/> reads their next message in that stage.
/// </summary>
public enum VillageStage
{
    /// <summary>"Is it Desa X, Kec. Y?" (one clear match).</summary>
    Confirm,

    /// <summary>Several matches listed by number, with "none of these".</summary>
    Choose,

    /// <summary>"Which district?" after no match, or "none of these".</summary>
    District,

    /// <summary>Several districts listed by number.</summary>
    ChooseDistrict,

    /// <summary>Neither village nor district found: keep the name as typed for a facilitator to match?</summary>
    Typed,

    /// <summary>One page of a district's villages, with "next page".</summary>
    DistrictVillages,

    /// <summary>The village already has a record: update it, or (someone else) propose a change or ask.</summary>
    Claim,
}

/// <summary>
/// What the village question remembers between its steps, kept in the session as the follow-up's JSON. The stored
/// shape (<c>{"stage":"choose_district","codes":[…]}</c>, snake_case) is the one sessions were saved in before this
/// type existed, so a conversation paused in the middle of the village question carries on after a deploy. The stage
/// is always written (its first value is also the enum's default, which the other fields leave out).
/// </summary>
public sealed record VillageFollowUp([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] VillageStage Stage)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The villages or districts listed, in the order of their numbers.</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    /// <summary>The village being confirmed or claimed.</summary>
    public string? Code { get; init; }

    /// <summary>The district whose villages are paged, and the page shown (from 0).</summary>
    public string? District { get; init; }

    public int? Page { get; init; }

    /// <summary>The village name as first typed, when the search found nothing.</summary>
    public string? Typed { get; init; }

    /// <summary>The existing record of a claimed village, and whether the person is a stranger to it.</summary>
    public long? Submission { get; init; }

    public bool Stranger { get; init; }

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    /// <summary>The remembered step, or null when the data is not one (the village is then searched afresh).</summary>
    public static VillageFollowUp? From(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return data["stage"] is null ? null : data.Deserialize<VillageFollowUp>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
