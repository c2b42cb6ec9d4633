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
/// Between messages the question is in one of its <see cref="VillageStage"/>s, remembered as a <see cref="VillageFollowUp"/>.
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
        return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_choose"), options),
            new VillageFollowUp(VillageStage.Choose) { Codes = codes });
    }

    public Interpretation Continue(AnswerInput input, JsonObject data)
    {
        var step = VillageFollowUp.From(data);
        return step?.Stage switch
        {
            VillageStage.Confirm => YesNoInterpreter.Parse(input.Message, input.Text) switch
            {
                true => Accept(input, step.Code!),
                false => AskDistrict(input),
                // Neither yes nor no: a fresh village name is searched; anything else goes back to the question.
                null => VillageKey(input.Text).Length >= 3 ? Interpret(input) : new Rejected("yesno_unclear"),
            },
            VillageStage.Choose => Pick(input, step, noneStage: AskDistrict),
            VillageStage.District => District(input, step),
            VillageStage.ChooseDistrict => PickDistrict(input, step),
            VillageStage.Typed => Typed(input, step),
            VillageStage.DistrictVillages => Pick(input, step, noneStage: i => Page(i, step.District!, step.Page.GetValueOrDefault() + 1)),
            VillageStage.Claim => Claim(input, step),
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

        if (VillageKey(input.Text).Length < 2)
        {
            return new Rejected("village_unclear");
        }

        return AskDistrict(input, "village_not_found", typed: input.Text);
    }

    /// <summary>
    /// The second try failed too (the district is not known either, or "tidak tahu"): offer to keep the name as typed,
    /// for a facilitator to match to the official list later, rather than ask again and again.
    /// </summary>
    private static FollowUp OfferTyped(AnswerInput input, string typed)
    {
        var values = new Dictionary<string, string> { ["name"] = typed };
        return Ask(MessageRenderer.Plain(input.T("village_store_typed", values) + "\n" + input.T("options_footer")),
            new VillageFollowUp(VillageStage.Typed) { Typed = typed });
    }

    private Interpretation Typed(AnswerInput input, VillageFollowUp step)
    {
        var typed = step.Typed ?? "";
        return Number(input, 2) switch
        {
            1 => new Accepted(Unmatched(input, typed)),
            2 => new Rejected("village_unclear"),
            _ => YesNoInterpreter.Parse(input.Message, input.Text) == true ? new Accepted(Unmatched(input, typed))
                : VillageKey(input.Text).Length >= 3 && !LocalSpeech.IsUnknown(input.Text) ? Interpret(input) : new Rejected("village_unclear"),
        };
    }

    /// <summary>A village kept as the person typed it: no code until a facilitator matches it (regions unmatched).</summary>
    private static JsonObject Unmatched(AnswerInput input, string typed) => new()
    {
        ["name"] = typed,
        ["unmatched"] = true,
        ["display"] = input.T("village_unmatched_display", new Dictionary<string, string> { ["name"] = typed }),
    };

    private Interpretation Confirm(AnswerInput input, string code, string? prefixKey = null)
    {
        var body = (prefixKey is null ? "" : input.T(prefixKey) + "\n") +
                   input.T("village_confirm", new Dictionary<string, string> { ["village"] = Describe(input, code) });
        return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, body, MessageRenderer.YesNoOptions(input.Flow, input.Language)),
            new VillageFollowUp(VillageStage.Confirm) { Code = code });
    }

    private static FollowUp AskDistrict(AnswerInput input) => AskDistrict(input, "village_ask_district", typed: null);

    private static FollowUp AskDistrict(AnswerInput input, string key, string? typed) =>
        Ask(MessageRenderer.Plain(input.T(key, new Dictionary<string, string> { ["name"] = input.Text })),
            new VillageFollowUp(VillageStage.District) { Typed = typed });

    private Interpretation District(AnswerInput input, VillageFollowUp step)
    {
        var typed = step.Typed;
        var districts = LocalSpeech.IsUnknown(input.Text) ? [] : matcher.FindDistricts(input.Text, PageSize);
        if (districts.Count == 0)
        {
            return typed is not null
                ? OfferTyped(input, typed)
                : Ask(MessageRenderer.Plain(input.T("village_district_unknown")), new VillageFollowUp(VillageStage.District));
        }

        if (districts[0] is { IsConfident: true } or { IsExact: true } && (districts.Count == 1 || !districts[1].IsExact))
        {
            return Page(input, districts[0].District.Code, 0);
        }

        var options = districts.Select(d => new ReplyOption(d.District.Code,
            input.T("district_display", new Dictionary<string, string> { ["district"] = d.District.Name, ["regency"] = d.Regency.Name }))).ToList();
        return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_choose_district"), options),
            new VillageFollowUp(VillageStage.ChooseDistrict) { Codes = districts.Select(d => d.District.Code).ToList(), Typed = typed });
    }

    private Interpretation PickDistrict(AnswerInput input, VillageFollowUp step)
    {
        var codes = step.Codes ?? [];
        return Number(input, codes.Count) is { } n ? Page(input, codes[n - 1], 0) : District(input, step);
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
        var step = new VillageFollowUp(VillageStage.DistrictVillages) { Codes = codes, District = districtCode, Page = page };
        var options = codes.Select(c => new ReplyOption(c, catalog.Village(c)!.Name)).ToList();
        if (pages > 1)
        {
            options.Add(new ReplyOption("next", input.T("village_next_page")));
        }

        return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, input.T("village_pick", values), options), step);
    }

    /// <param name="noneStage">"None of these" (a search's list) or "next page" (a district's villages, when it has more).</param>
    private Interpretation Pick(AnswerInput input, VillageFollowUp step, Func<AnswerInput, Interpretation> noneStage)
    {
        var codes = step.Codes?.ToList() ?? [];
        var extra = step.Stage == VillageStage.Choose || step.District is { } district && catalog.VillagesOf(district).Count > PageSize;
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
            return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, notice, choices),
                new VillageFollowUp(VillageStage.Claim) { Code = code, Submission = existing.Id, Stranger = true });
        }

        var text = input.T("village_claim", new Dictionary<string, string>
        {
            ["village"] = value["display"]!.GetValue<string>(),
            ["product"] = existing.Product ?? "-",
            ["person"] = existing.SubmittedBy ?? "-",
            ["date"] = existing.SubmittedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID")) ?? "-",
        });
        var options = new List<ReplyOption> { new("update", input.T("village_claim_update")), new("other", input.T("village_claim_other")) };
        return Ask(MessageRenderer.WithOptions(input.Flow, input.Language, text, options),
            new VillageFollowUp(VillageStage.Claim) { Code = code, Submission = existing.Id });
    }

    private Interpretation Claim(AnswerInput input, VillageFollowUp step)
    {
        if (step is not { Code: { } code, Submission: { } submission })
        {
            return Interpret(input);
        }

        string? choice;
        if (step.Stranger)
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

    private JsonObject Value(AnswerInput input, string code) => Answer(catalog, input.Flow, input.Language, code);

    /// <summary>The saved answer for an official village (also when a facilitator matches a village kept as typed).</summary>
    public static JsonObject Answer(RegionCatalog catalog, FlowDefinition flow, string language, string code)
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
            ["display"] = Describe(catalog, flow, language, code),
        };
    }

    /// <summary>"Desa Oelnasi, Kec. Kupang Tengah, Kabupaten Kupang", worded by the flow.</summary>
    private string Describe(AnswerInput input, string code) => Describe(catalog, input.Flow, input.Language, code);

    private static string Describe(RegionCatalog catalog, FlowDefinition flow, string language, string code)
    {
        var location = catalog.Locate(code)!;
        return flow.Text("village_display", language, new Dictionary<string, string>
        {
            ["kind"] = flow.Text(location.Village.Kind == VillageKind.Kelurahan ? "village_kind_kelurahan" : "village_kind_desa", language),
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

    private static FollowUp Ask(OutboundMessage question, VillageFollowUp step) => new(question, step.ToJson());
}
