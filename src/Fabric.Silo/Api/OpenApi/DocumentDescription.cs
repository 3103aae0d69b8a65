using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabric.Silo.Api.OpenApi;

/// <summary>
/// What the document says about the API as a whole: its title and purpose, where a local cluster serves it
/// (a fixed address, so the document is the same on every silo), the admin token scheme and the tags.
/// </summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "adminToken";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Hosts"] = "The hosts running fabric-agent: capacity, storage pools, hardware virtualization, state.",
        ["VMs"] = "Virtual machines: create, power, hardware changes, disks, guest commands.",
        ["Disks"] = "Disks in the storage pools: create, grow, convert, export, snapshots.",
        ["Images"] = "The image library: ISOs and importable disk images, uploaded as the raw body.",
        ["Operations"] = "Long-running work that a 202 answer hands out: state, progress, events.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Fabric REST API",
            Version = "v1",
            Description = """
                Manage a Fabric cluster: hosts, VMs, disks, images and the operations that change them.
                Every call needs the cluster's admin token as `Authorization: Bearer <token>`.
                Changes that take time answer 202 with an operation; follow it at GET /api/v1/operations/{id}.
                Every error is `application/problem+json` with an `errors` list of `{field, message}`.
                """,
        };
        document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:8480", Description = "the silo `fabric up` starts; use your cluster's silo address" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The cluster's admin token: printed by `fabric up` on its first start, kept in <Fabric:DataDir>/admin-token.",
        };
        // A new tag without a description here is left bare (and Redocly's tag-description rule warns of it).
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }

        return Task.CompletedTask;
    }
}
