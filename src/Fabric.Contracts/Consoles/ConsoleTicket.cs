namespace Fabric.Contracts.Consoles;

/// <summary>
/// Permission to open one console once, within seconds: the silo serving the user presents it to
/// the relay of the host running the VM, which checks it with the cluster before bridging.
/// </summary>
/// <param name="Ticket">Random, single use.</param>
/// <param name="Endpoint">The host's console relay, <c>address:port</c>.</param>
[GenerateSerializer, Immutable, Alias("fabric.ConsoleTicket")]
public sealed record ConsoleTicket([property: Id(0)] string Ticket, [property: Id(1)] string Endpoint);
