using System.Security.Cryptography;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Who this agent is to the lease witness: the machine's host token (kept in the data folder, the
/// same for every agent process here) and this process's incarnation (new at every start, and again
/// after every fence, so a fenced agent can never renew the lease it lost).
/// </summary>
public sealed class AgentIdentity(string hostToken)
{
    private string _incarnation = NewId();

    public string HostToken { get; } = hostToken;

    public string Incarnation => Volatile.Read(ref _incarnation);

    /// <summary>Becomes a new incarnation; returns it.</summary>
    public string Renew()
    {
        var next = NewId();
        Volatile.Write(ref _incarnation, next);
        return next;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The host token of <paramref name="dataDirectory"/>: read from <c>host-token</c>, made there once when missing.</summary>
    public static AgentIdentity Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "host-token");
        if (File.Exists(path))
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length == 32 && token.All(Uri.IsHexDigit)
                ? new AgentIdentity(token)
                : throw new InvalidDataException($"{path} does not hold a host token (32 hex digits); delete it and the agent makes a new one (its host then waits for its old lease to lapse before it runs VMs again)");
        }

        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, created + "\n");
        File.Move(temp, path);
        return new AgentIdentity(created);
    }
}
