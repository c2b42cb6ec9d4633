using System.Text;
using Microsoft.AspNetCore.Http;
using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Web;

/// <summary>
/// Staff (admins only): the roles inside the admin's regions, granting and revoking them, and one-time invite codes,
/// through the same <see cref="RoleStore"/> and <see cref="InviteStore"/> as the command line. Revoking a role ends
/// the person's dashboard sessions at once.
/// </summary>
public sealed class StaffPage(RegionCatalog catalog, RegionScope scope, RoleStore roles, InviteStore invites, WebLogin login, TimeProvider time)
{
    private static readonly int[] InviteDays = [1, 7, 30];

    public async Task<IResult> RenderAsync(HttpContext http) => await RenderAsync(http, null, null);

    public async Task<IResult> GrantAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        if (!page.Staff.IsAdmin)
        {
            return page.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!ContactRef.TryParse(form["contact"].ToString(), out var contact) || !StaffRoles.TryParse(form["role"].ToString(), out var role)
            || !InScope(page.Staff, form["region"].ToString(), out var region))
        {
            return await RenderAsync(http, page.T("staff_invalid"), null);
        }

        await roles.GrantAsync(contact, role, region, "web:" + page.Staff.Contact, http.RequestAborted, time.GetUtcNow());
        return Results.Redirect("/admin/staff");
    }

    public async Task<IResult> RevokeAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        if (!page.Staff.IsAdmin)
        {
            return page.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!ContactRef.TryParse(form["contact"].ToString(), out var contact) || !StaffRoles.TryParse(form["role"].ToString(), out var role)
            || !InScope(page.Staff, form["region"].ToString(), out var region))
        {
            return page.NotFound();
        }

        if (await roles.RevokeAsync(contact, role, region, http.RequestAborted) > 0 && await roles.ContactIdAsync(contact, http.RequestAborted) is { } id)
        {
            await login.EndAllAsync(id, http.RequestAborted);
        }

        return Results.Redirect("/admin/staff");
    }

    public async Task<IResult> InviteAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        if (!page.Staff.IsAdmin)
        {
            return page.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!StaffRoles.TryParse(form["role"].ToString(), out var role) || !InScope(page.Staff, form["region"].ToString(), out var region)
            || !int.TryParse(form["days"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var days) || !InviteDays.Contains(days))
        {
            return await RenderAsync(http, page.T("staff_invalid"), null);
        }

        var now = time.GetUtcNow();
        var code = await invites.CreateAsync(role, region, catalog.Name(region)!, "web:" + page.Staff.Contact, now, now.AddDays(days), http.RequestAborted);
        return await RenderAsync(http, null, page.T("staff_invite_made", ("code", code), ("role", page.T("role_" + StaffRoles.ToText(role))), ("region", catalog.Name(region)!), ("days", days)));
    }

    private async Task<IResult> RenderAsync(HttpContext http, string? error, string? notice)
    {
        var page = WebAuth.Page(http);
        if (!page.Staff.IsAdmin)
        {
            return page.NotFound();
        }

        var body = new StringBuilder($"<h1>{page.TE("nav_staff")}</h1>");
        if (error is not null)
        {
            body.Append($"<p role=alert class=error>{Html.E(error)}</p>");
        }

        if (notice is not null)
        {
            body.Append($"<p role=status class=notice><strong>{Html.E(notice)}</strong></p>");
        }

        var grants = (await roles.ListAsync(http.RequestAborted)).Where(g => page.Staff.Covers(g.RegionCode)).ToList();
        body.Append($"<div class=scroll><table><thead><tr><th>{page.TE("col_contact")}</th><th>{page.TE("col_role")}</th><th>{page.TE("col_region")}</th><th>{page.TE("col_granted")}</th><th></th></tr></thead><tbody>");
        foreach (var g in grants)
        {
            var roleText = StaffRoles.ToText(g.Role);
            body.Append($"<tr><td>{Html.E(g.Contact)}</td><td>{page.TE("role_" + roleText)}</td><td>{Html.E(catalog.Name(g.RegionCode) ?? g.RegionCode)}</td>")
                .Append($"<td>{Html.E(Html.Time(g.GrantedAt))}</td><td><form method=post action=/admin/staff/revoke class=inline>{page.Csrf}")
                .Append($"<input type=hidden name=contact value=\"{Html.E(g.Contact)}\"><input type=hidden name=role value={roleText}><input type=hidden name=region value=\"{Html.E(g.RegionCode)}\">")
                .Append($"<button type=submit class=secondary>{page.TE("staff_revoke")}</button></form></td></tr>");
        }

        body.Append("</tbody></table></div>");
        var regions = WebRegions.Options(WebRegions.Choices(catalog, page.Staff), null, null);
        var roleOptions = $"<option value=facilitator>{page.TE("role_facilitator")}</option><option value=admin>{page.TE("role_admin")}</option>";
        body.Append($"<h2>{page.TE("staff_grant")}</h2><form method=post action=/admin/staff/grant>{page.Csrf}")
            .Append($"<label>{page.TE("staff_contact")}<input name=contact required placeholder=\"telegram:123456 / whatsapp:6281234567890\" maxlength=80></label>")
            .Append($"<label>{page.TE("col_role")}<select name=role>{roleOptions}</select></label><label>{page.TE("col_region")}<select name=region>{regions}</select></label>")
            .Append($"<button type=submit>{page.TE("staff_grant")}</button></form>");
        body.Append($"<h2>{page.TE("staff_invite")}</h2><p>{page.TE("staff_invite_how")}</p><form method=post action=/admin/staff/invite>{page.Csrf}")
            .Append($"<label>{page.TE("col_role")}<select name=role>{roleOptions}</select></label><label>{page.TE("col_region")}<select name=region>{regions}</select></label>")
            .Append($"<label>{page.TE("staff_invite_days")}<select name=days>{string.Join("", InviteDays.Select(d => $"<option value={d}{(d == 7 ? " selected" : "")}>{d}</option>"))}</select></label>")
            .Append($"<button type=submit>{page.TE("staff_invite")}</button></form>");
        return page.Render("nav_staff", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>A region code the admin may hand out roles for: known, inside the service area and inside the admin's regions.</summary>
    private bool InScope(WebStaff staff, string text, out string region)
    {
        var code = RegionCode.Normalize(text) ?? "";
        region = code;
        return code.Length > 0 && RegionCode.LevelOf(code) != RegionLevel.Village && catalog.Contains(code) && staff.Covers(code)
            && (scope.Contains(code) || scope.Codes.Any(s => RegionCode.IsWithin(s, code)));
    }
}
