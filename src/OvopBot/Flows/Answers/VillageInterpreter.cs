using System.Globalization;
using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Regions;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// The village, matched to the official list inside the service area (<c>Regions:Scope</c>). One clear match is
/// confirmed with its district and regency; several are listed (≤ 7 and "none of these"); none leads to "which
/// district?" and that district's villages, paged. A village that already has a submission is offered for update.
/// Nothing is saved before the person confirms. Saved: <c>{code, name, district, regency, province, display}</c>.
/// </summary>
public sealed class VillageInterpreter(RegionCatalog catalog, VillageMatcher matcher) : IAnswerInterpreter
{
    private const int PageSize = 7;

    public AnswerKind Kind => AnswerKind.Village;

    public Interpretation Interpret(AnswerInput input)
    {
        if (input.Message.Kind is not (InboundKind.Text or InboundKind.Choice) || input.Text.Length > 100)
        {
            return new Rejected("village_unclear");
        }

        var candidates = matcher.Find(input.Text, PageSize);
        if (candidates.Count == 0)
        {
            return NotFound(input);
        }

        if (candidates[0] is { IsConfident: true } or { IsExact: true } && (candidates.Count == 1 || !candidates[1].IsExact))
        {
            return Confirm(input, candidates[0].Village.Code);
        }

        var codes = candidates.Select(c => c.Village.Code).ToList();
        var options = codes.Select(c => new ReplyOption(c, Describe(input, c))).Append(new ReplyOption("none", input.T("village_none"))).ToList();
        return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_choose"), options),
            new JsonObject { ["stage"] = "choose", ["codes"] = Codes(codes) });
    }

    public Interpretation Continue(AnswerInput input, JsonObject data)
    {
        var stage = data["stage"]?.GetValue<string>();
        return stage switch
        {
            "confirm" => YesNoInterpreter.Parse(input.Message, input.Text) switch
            {
                true => Accept(input, data["code"]!.GetValue<string>()),
                false => AskDistrict(input),
                null => Confirm(input, data["code"]!.GetValue<string>(), "yesno_unclear"),
            },
            "choose" => Pick(input, data, noneStage: AskDistrict),
            "district" => District(input),
            "choose_district" => PickDistrict(input, data),
            "district_villages" => Pick(input, data, noneStage: i => Page(i, data["district"]!.GetValue<string>(), data["page"]!.GetValue<int>() + 1)),
            "claim" => Claim(input, data),
            _ => Interpret(input),
        };
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value?["display"]?.ToString() ?? value?["name"]?.ToString() ?? "";

    // ---- stages ------------------------------------------------------------------------------------------------

    private Interpretation NotFound(AnswerInput input)
    {
        var outside = matcher.FindOutsideScope(input.Text, 1);
        if (outside.Count > 0)
        {
            return new Rejected("village_outside_scope", new Dictionary<string, string>
            {
                ["village"] = Describe(input, outside[0].Village.Code),
                ["scope"] = string.Join(", ", matcher.Scope.Names),
            });
        }

        return VillageKey(input.Text).Length < 2 ? new Rejected("village_unclear") : AskDistrict(input, "village_not_found");
    }

    private Interpretation Confirm(AnswerInput input, string code, string? prefixKey = null)
    {
        var body = (prefixKey is null ? "" : input.T(prefixKey) + "\n") +
                   input.T("village_confirm", new Dictionary<string, string> { ["village"] = Describe(input, code) });
        return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, body, MessageRenderer.YesNoOptions(input.Flow, input.Language)),
            new JsonObject { ["stage"] = "confirm", ["code"] = code });
    }

    private static FollowUp AskDistrict(AnswerInput input) => AskDistrict(input, "village_ask_district");

    private static FollowUp AskDistrict(AnswerInput input, string key) =>
        new(MessageRenderer.Plain(input.T(key, new Dictionary<string, string> { ["name"] = input.Text })), new JsonObject { ["stage"] = "district" });

    private Interpretation District(AnswerInput input)
    {
        var districts = matcher.FindDistricts(input.Text, PageSize);
        if (districts.Count == 0)
        {
            return new FollowUp(MessageRenderer.Plain(input.T("village_district_unknown")), new JsonObject { ["stage"] = "district" });
        }

        if (districts[0] is { IsConfident: true } or { IsExact: true } && (districts.Count == 1 || !districts[1].IsExact))
        {
            return Page(input, districts[0].District.Code, 0);
        }

        var options = districts.Select(d => new ReplyOption(d.District.Code,
            input.T("district_display", new Dictionary<string, string> { ["district"] = d.District.Name, ["regency"] = d.Regency.Name }))).ToList();
        return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_choose_district"), options),
            new JsonObject { ["stage"] = "choose_district", ["codes"] = Codes(districts.Select(d => d.District.Code)) });
    }

    private Interpretation PickDistrict(AnswerInput input, JsonObject data)
    {
        var codes = data["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        return Number(input, codes.Count) is { } n ? Page(input, codes[n - 1], 0) : District(input);
    }

    /// <summary>One page of a district's villages, by number, with "next page" while there are more.</summary>
    private Interpretation Page(AnswerInput input, string districtCode, int page)
    {
        var villages = catalog.VillagesOf(districtCode);
        var pages = Math.Max(1, (villages.Count + PageSize - 1) / PageSize);
        page %= pages;
        var codes = villages.Skip(page * PageSize).Take(PageSize).Select(v => v.Code).ToList();
        var values = new Dictionary<string, string>
        {
            ["district"] = catalog.District(districtCode)!.Name,
            ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture),
            ["pages"] = pages.ToString(CultureInfo.InvariantCulture),
        };
        var data = new JsonObject { ["stage"] = "district_villages", ["codes"] = Codes(codes), ["district"] = districtCode, ["page"] = page };
        var options = codes.Select(c => new ReplyOption(c, catalog.Village(c)!.Name)).ToList();
        if (pages > 1)
        {
            options.Add(new ReplyOption("next", input.T("village_next_page")));
        }

        return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_pick", values), options), data);
    }

    private Interpretation Pick(AnswerInput input, JsonObject data, Func<AnswerInput, Interpretation> noneStage)
    {
        var codes = data["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var extra = data["stage"]!.GetValue<string>() == "choose" || data["page"] is not null && catalog.VillagesOf(data["district"]!.GetValue<string>()).Count > PageSize;
        var chosen = input.Message.Kind == InboundKind.Choice ? codes.IndexOf(input.Message.ChoiceId ?? "") + 1 : Number(input, codes.Count + (extra ? 1 : 0)) ?? 0;
        if (input.Message.ChoiceId is "none" or "next" || (extra && chosen == codes.Count + 1))
        {
            return noneStage(input);
        }

        if (chosen >= 1 && chosen <= codes.Count)
        {
            return Accept(input, codes[chosen - 1]);
        }

        // Not a number from the list: maybe a new name; start the search again with it.
        return VillageKey(input.Text).Length >= 2 ? Interpret(input) : new Rejected("village_unclear");
    }

    /// <summary>
    /// A confirmed village: saved, unless it already has a submission. Its respondent (or someone attached to it) is
    /// offered to update it; anyone else learns only that it is registered and its product, and may propose a change
    /// (kept next to the record for the facilitator to decide) or ask the facilitator.
    /// </summary>
    private Interpretation Accept(AnswerInput input, string code)
    {
        var value = Value(input, code);
        if (input.Context.FindSubmission(code) is not { } existing)
        {
            return new Accepted(value);
        }

        if (!existing.MayUpdate)
        {
            var notice = input.T("village_claim_stranger", new Dictionary<string, string>
            {
                ["village"] = value["display"]!.GetValue<string>(),
                ["product"] = existing.Product ?? "-",
            });
            var choices = new List<ReplyOption>
            {
                new("propose", input.T("village_claim_propose")),
                new("ask", input.T("village_claim_ask")),
                new("other", input.T("village_claim_other")),
            };
            return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, notice, choices),
                new JsonObject { ["stage"] = "claim", ["code"] = code, ["submission"] = existing.Id, ["stranger"] = true });
        }

        var text = input.T("village_claim", new Dictionary<string, string>
        {
            ["village"] = value["display"]!.GetValue<string>(),
            ["product"] = existing.Product ?? "-",
            ["person"] = existing.SubmittedBy ?? "-",
            ["date"] = existing.SubmittedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID")) ?? "-",
        });
        var options = new List<ReplyOption> { new("update", input.T("village_claim_update")), new("other", input.T("village_claim_other")) };
        return new FollowUp(MessageRenderer.WithOptions(input.Flow, input.Language, text, options),
            new JsonObject { ["stage"] = "claim", ["code"] = code, ["submission"] = existing.Id });
    }

    private Interpretation Claim(AnswerInput input, JsonObject data)
    {
        var code = data["code"]!.GetValue<string>();
        var submission = data["submission"]!.GetValue<long>();
        string? choice;
        if (data["stranger"] is not null)
        {
            choice = input.Message.Kind == InboundKind.Choice ? input.Message.ChoiceId : Number(input, 3) switch { 1 => "propose", 2 => "ask", 3 => "other", _ => null };
            return choice switch
            {
                "propose" => new AcceptedProposal(Value(input, code), submission, "village_claim_proposing"),
                "ask" => new FacilitatorRequested(code, "village_claim_asked"),
                "other" => new Rejected("village_claim_declined"),
                _ => Accept(input, code),
            };
        }

        choice = input.Message.Kind == InboundKind.Choice ? input.Message.ChoiceId : Number(input, 2) switch { 1 => "update", 2 => "other", _ => null };
        return choice switch
        {
            "update" => new AcceptedUpdate(Value(input, code), submission, "village_claim_review"),
            "other" => new Rejected("village_claim_declined"),
            _ => Accept(input, code),
        };
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private JsonObject Value(AnswerInput input, string code)
    {
        var location = catalog.Locate(code)!;
        return new JsonObject
        {
            ["code"] = code,
            ["name"] = location.Village.Name,
            ["district_code"] = location.District.Code,
            ["district"] = location.District.Name,
            ["regency_code"] = location.Regency.Code,
            ["regency"] = location.Regency.Name,
            ["province_code"] = location.Province.Code,
            ["province"] = location.Province.Name,
            ["display"] = Describe(input, code),
        };
    }

    /// <summary>"Desa Oelnasi, Kec. Kupang Tengah, Kabupaten Kupang", worded by the flow.</summary>
    private string Describe(AnswerInput input, string code)
    {
        var location = catalog.Locate(code)!;
        return input.T("village_display", new Dictionary<string, string>
        {
            ["kind"] = input.T(location.Village.Kind == VillageKind.Kelurahan ? "village_kind_kelurahan" : "village_kind_desa"),
            ["village"] = location.Village.Name,
            ["district"] = location.District.Name,
            ["regency"] = location.Regency.Name,
        });
    }

    private static int? Number(AnswerInput input, int count)
    {
        var folded = TextCleaner.Fold(input.Text).TrimEnd('.');
        return (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || NumberWords.TryParse(folded, out n))
               && n >= 1 && n <= count ? n : null;
    }

    private static string VillageKey(string text) => VillageMatcher.ComparisonKey(text);

    private static JsonArray Codes(IEnumerable<string> codes) => new(codes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
}
