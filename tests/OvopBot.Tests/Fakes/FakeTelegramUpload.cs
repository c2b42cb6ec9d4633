namespace OvopBot.Tests.Fakes;

/// <summary>A file part of a multipart request.</summary>
public sealed record FakeTelegramUpload(string Field, string FileName, byte[] Content);
