namespace Fabric.Silo.Health;

/// <summary>/healthz (the process is up) and /readyz (joined the cluster, storage reachable).</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", async (ClusterReadiness readiness, CancellationToken ct) =>
        {
            var (ready, detail) = await readiness.CheckAsync(ct);
            return ready
                ? Results.Text($"ready: {detail}\n")
                : Results.Text($"not ready: {detail}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
