namespace OvopBot.Web;

/// <summary>The <c>Web</c> configuration section: where staff open the dashboard, and how long links and sessions last.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// The address staff open (e.g. https://ovop.example.go.id), named in login links. Empty: the first of <c>Urls</c>,
    /// which only works on the server itself.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>How long a login link may wait before it is opened (single use either way).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session ends after this long without a request (each request starts the time again).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Rows per page of the records list.</summary>
    public int PageSize { get; set; } = 50;
}
