using System.Security.Claims;
using System.Text.Encodings.Web;
using Fabric.Contracts.Validation;
using Fabric.Silo.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fabric.Silo.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;admin token&gt;</c>. A missing header is "no result" (another scheme,
/// such as the dashboard's cookie, may still sign the caller in); a wrong token fails. The challenge
/// is a problem+json 401 that says where the token is.
/// </summary>
public sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminTokenValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header is not 'Bearer <token>'"));
        }

        if (!validator.IsValid(header[prefix.Length..].Trim()))
        {
            return Task.FromResult(AuthenticateResult.Fail("the token is not this cluster's admin token"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var message = result.Failure?.Message
            ?? "no token given; send 'Authorization: Bearer <token>' with the admin token (the silo's Fabric:AdminTokenFile, or <Fabric:DataDir>/admin-token)";
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", [new ValidationProblem("authorization", message)]);
    }
}
