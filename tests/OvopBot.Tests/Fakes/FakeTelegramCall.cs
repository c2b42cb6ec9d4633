using System.Text.Json.Nodes;

namespace OvopBot.Tests.Fakes;

/// <summary>One request the fake Bot API received, with its parameters however they were sent.</summary>
public sealed record FakeTelegramCall(string Method, string Token, JsonObject Parameters, FakeTelegramUpload? Upload);
