using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace M2MSim.Silo.Dashboard;

/// <summary>
/// When the web app listens beyond loopback, every request (page, API, Orleans dashboard) must carry
/// the token: in the X-M2MSim-Token header, the token query parameter, or the cookie that opening
/// the page with ?token= sets, so the page's own requests and the Orleans dashboard's work unchanged.
/// </summary>
public sealed class TokenCheck(RequestDelegate next, DashboardBinding binding)
{
    public const string Header = "X-M2MSim-Token";
    public const string Query = "token";
    public const string Cookie = "m2msim-token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (binding.Token is not { } expected)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        var fromQuery = request.Query[Query].FirstOrDefault();
        var given = request.Headers[Header].FirstOrDefault() ?? fromQuery ?? request.Cookies[Cookie];
        if (!Matches(given, expected))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync($"This dashboard needs its token: open it with ?{Query}=… or send the {Header} header.\n");
            return;
        }
        if (fromQuery is not null)
            context.Response.Cookies.Append(Cookie, expected, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        await next(context);
    }

    /// <summary>Constant time, so the comparison does not leak how much of a guess was right.</summary>
    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
