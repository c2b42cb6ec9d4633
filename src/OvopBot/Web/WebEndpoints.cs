using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Flows.Loading;
using OvopBot.Hosting;

namespace OvopBot.Web;

/// <summary>The dashboard's services and its routes under <c>/admin</c>, on the service's own web host.</summary>
public static class WebEndpoints
{
    public static IServiceCollection AddOvopWeb(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).Validate(
            o => o.LinkLifetime > TimeSpan.Zero && o.SessionIdleTimeout > TimeSpan.Zero && o.PageSize is >= 10 and <= 500
                && (o.PublicUrl.Length == 0 || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
            $"{WebOptions.Section}: PublicUrl must be an http(s) address, LinkLifetime and SessionIdleTimeout positive, PageSize 10–500").ValidateOnStart();
        services.AddSingleton(sp => WebTexts.Load(sp.GetRequiredService<IOptions<FlowsOptions>>().Value.ResolvePath()));
        services.AddSingleton<WebLogin>();
        services.AddSingleton<IRecordReviews, RecordReviews>();
        services.AddSingleton<RecordQuery>();
        services.AddSingleton<ProgressQuery>();
        services.AddSingleton<ProgressPage>();
        services.AddSingleton<RecordsPage>();
        services.AddSingleton<RecordPage>();
        services.AddSingleton<RequestsPage>();
        services.AddSingleton<ConversationsPage>();
        services.AddSingleton<BroadcastsPage>();
        services.AddSingleton<ExportsPage>();
        services.AddSingleton<StaffPage>();
        return services;
    }

    public static void MapOvopWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/assets/{name}", WebAssets.Serve);
        endpoints.MapGet("/admin/login", LoginPages.Start);
        endpoints.MapGet("/admin/login/{token}", LoginPages.Confirm);
        endpoints.MapPost("/admin/login", (Func<HttpContext, Task<IResult>>)LoginPages.RedeemAsync);
        endpoints.MapGet("/admin/lang/{language}", (HttpContext http, string language, string? back) => LoginPages.Language(http, language, back));

        var admin = endpoints.MapGroup("/admin").AddEndpointFilter(WebAuth.RequireStaffAsync);
        admin.MapPost("/logout", (Func<HttpContext, Task<IResult>>)LoginPages.LogoutAsync);
        admin.MapGet("/", (HttpContext http, ProgressPage page, string? region, int? missing) => page.RenderAsync(http, region, missing));
        admin.MapGet("/records", (HttpContext http, RecordsPage page) => page.RenderAsync(http));
        admin.MapGet("/records/{id:long}", (HttpContext http, RecordPage page, long id) => page.RenderAsync(http, id));
        admin.MapPost("/records/{id:long}/verify", (HttpContext http, RecordPage page, long id) => page.VerifyAsync(http, id));
        admin.MapPost("/records/{id:long}/fix", (HttpContext http, RecordPage page, long id) => page.AskFixAsync(http, id));
        admin.MapGet("/records/{id:long}/photo", (HttpContext http, RecordPage page, long id) => page.PhotoAsync(http, id));
        admin.MapGet("/requests", (HttpContext http, RequestsPage page, string? region) => page.RenderAsync(http, region));
        admin.MapGet("/conversations", (HttpContext http, ConversationsPage page, string? region, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? number) => page.ListAsync(http, region, number));
        admin.MapGet("/conversations/{contactId:long}", (HttpContext http, ConversationsPage page, long contactId) => page.OneAsync(http, contactId));
        admin.MapPost("/conversations/{contactId:long}/handoffs/{handoffId:long}/answer", (HttpContext http, ConversationsPage page, long contactId, long handoffId) => page.AnswerAsync(http, contactId, handoffId));
        admin.MapGet("/broadcasts", (HttpContext http, BroadcastsPage page) => page.ComposeAsync(http));
        admin.MapPost("/broadcasts/preview", (HttpContext http, BroadcastsPage page) => page.PreviewAsync(http));
        admin.MapPost("/broadcasts/{id:long}/confirm", (HttpContext http, BroadcastsPage page, long id) => page.ConfirmAsync(http, id));
        admin.MapPost("/broadcasts/{id:long}/cancel", (HttpContext http, BroadcastsPage page, long id) => page.CancelAsync(http, id));
        admin.MapGet("/broadcasts/{id:long}", (HttpContext http, BroadcastsPage page, long id) => page.ShowAsync(http, id));
        admin.MapGet("/exports", (HttpContext http, ExportsPage page, string? region, string? status) => page.Render(http, region, status));
        admin.MapGet("/export", (HttpContext http, ExportsPage page) => page.DownloadAsync(http));
        admin.MapGet("/staff", (HttpContext http, StaffPage page) => page.RenderAsync(http));
        admin.MapPost("/staff/grant", (HttpContext http, StaffPage page) => page.GrantAsync(http));
        admin.MapPost("/staff/revoke", (HttpContext http, StaffPage page) => page.RevokeAsync(http));
        admin.MapPost("/staff/invite", (HttpContext http, StaffPage page) => page.InviteAsync(http));
    }
}
