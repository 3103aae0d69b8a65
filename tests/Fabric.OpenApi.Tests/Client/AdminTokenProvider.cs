using Microsoft.Kiota.Abstractions.Authentication;

namespace Fabric.OpenApi.Tests.Client;

/// <summary>Hands the cluster's admin token to Kiota's bearer authentication, for the silo's host only.</summary>
internal sealed class AdminTokenProvider(string token, Uri silo) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([silo.Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
}
