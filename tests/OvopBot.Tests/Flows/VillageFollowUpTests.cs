using System.Text.Json.Nodes;
using CsCheck;
using OvopBot.Flows.Answers;

namespace OvopBot.Tests.Flows;

/// <summary>
/// The village question's remembered step: every stage survives the session's JSON, and sessions saved before the
/// typed follow-up existed (the same snake_case shape, written by hand then) carry on where they were.
/// </summary>
public sealed class VillageFollowUpTests
{
    [Theory]
    [InlineData("""{"stage":"confirm","code":"5301082003"}""", VillageStage.Confirm)]
    [InlineData("""{"stage":"choose","codes":["5301082003","5301082004"]}""", VillageStage.Choose)]
    [InlineData("""{"stage":"district"}""", VillageStage.District)]
    [InlineData("""{"stage":"district","typed":"Oelnasy"}""", VillageStage.District)]
    [InlineData("""{"stage":"choose_district","codes":["530108"],"typed":"Oelnasy"}""", VillageStage.ChooseDistrict)]
    [InlineData("""{"stage":"typed","typed":"Oelnasy"}""", VillageStage.Typed)]
    [InlineData("""{"stage":"district_villages","codes":["5301082003"],"district":"530108","page":0}""", VillageStage.DistrictVillages)]
    [InlineData("""{"stage":"claim","code":"5301082003","submission":12,"stranger":true}""", VillageStage.Claim)]
    public void A_step_saved_before_the_typed_follow_up_is_read_as_it_was_and_written_back_the_same(string saved, VillageStage stage)
    {
        var step = VillageFollowUp.From(JsonNode.Parse(saved)!.AsObject());

        Assert.NotNull(step);
        Assert.Equal(stage, step.Stage);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(saved), step.ToJson()), step.ToJson().ToJsonString());
    }

    [Fact]
    public void The_fields_of_a_claim_come_back()
    {
        var step = VillageFollowUp.From(JsonNode.Parse("""{"stage":"claim","code":"5301082003","submission":12,"stranger":true}""")!.AsObject())!;

        Assert.Equal(("5301082003", 12L, true), (step.Code, step.Submission!.Value, step.Stranger));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"stage":"somewhere_else"}""")]
    [InlineData("""{"stage":3}""")]
    [InlineData("""{"stage":"choose","codes":"not a list"}""")]
    public void Data_that_is_no_village_step_is_none_and_the_village_is_searched_afresh(string saved) =>
        Assert.Null(VillageFollowUp.From(JsonNode.Parse(saved)!.AsObject()));

    [Fact]
    public void Any_step_survives_the_round_trip() =>
        Gen.Select(Gen.Enum<VillageStage>(), Gen.String.AlphaNumeric.Array[0, 8], Gen.String.Null(), Gen.Int[0, 500].Nullable(), Gen.Long[1, 1_000_000].Nullable(),
                Gen.Bool)
            .Sample((stage, codes, text, page, submission, stranger) =>
            {
                var step = new VillageFollowUp(stage) { Codes = codes, Code = text, District = text, Typed = text, Page = page, Submission = submission, Stranger = stranger };

                var back = VillageFollowUp.From(step.ToJson());

                Assert.NotNull(back);
                Assert.Equal((step.Stage, step.Code, step.District, step.Typed, step.Page, step.Submission, step.Stranger),
                    (back.Stage, back.Code, back.District, back.Typed, back.Page, back.Submission, back.Stranger));
                Assert.Equal(codes, back.Codes);
            }, iter: 500);
}
