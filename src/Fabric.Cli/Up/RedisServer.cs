using System.Globalization;
using System.Net.Sockets;

namespace Fabric.Cli.Up;

/// <summary>
/// Debian's redis-server as a child of `fabric up`: bound to 127.0.0.1, data in the data folder's
/// <c>redis/</c> with AOF on (so a restart finds the cluster's state), RDB snapshots off.
/// </summary>
internal sealed class RedisServer(int port, ChildProcess process, string address = "127.0.0.1")
{
    public const string Executable = "/usr/bin/redis-server";

    /// <summary>Not Redis's 6379, so a system Redis and `fabric up` do not meet by accident.</summary>
    public const int PreferredPort = 6390;

    public int Port { get; } = port;

    public ChildProcess Process { get; } = process;

    /// <summary>Where it was started (its data folder); its command line uses absolute paths, so it can be rerun from there.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Where the silos and agents reach Redis: 127.0.0.1, or the namespaces' bridge address.</summary>
    public string Endpoint => $"{address}:{Port}";

    public static string? CheckInstalled(string executable = Executable) => File.Exists(executable)
        ? null
        : $"{executable} is missing: install it with `sudo apt-get install redis-server` (or run the README's install command), or use --in-memory for a throwaway cluster";

    /// <summary>
    /// Bound to 127.0.0.1 (where `fabric up` itself talks to it), and also to <paramref name="alsoBind"/> when given.
    /// Protected mode (no password: loopback clients only) is then off, or the agents in their namespaces would be
    /// refused; the bridge address is reachable from this machine only, which is the protection instead.
    /// </summary>
    public static IReadOnlyList<string> Arguments(int port, string directory, string? alsoBind = null) =>
    [
        "--bind", .. alsoBind is null ? (string[])["127.0.0.1"] : [alsoBind, "127.0.0.1"],
        "--port", port.ToString(CultureInfo.InvariantCulture),
        "--dir", directory,
        "--appendonly", "yes",
        "--save", "",
        "--daemonize", "no",
        "--protected-mode", alsoBind is null ? "yes" : "no",
    ];

    /// <summary>Starts it in its data folder (so the command line can be rerun as is from there); <paramref name="address"/> other than 127.0.0.1 is bound too.</summary>
    public static async Task<RedisServer> StartAsync(int port, DataDirectory data, string address = "127.0.0.1", string executable = Executable)
    {
        var alsoBind = address == "127.0.0.1" ? null : address;
        var process = await ChildProcess.StartAsync("redis-server", executable, Arguments(port, data.Redis, alsoBind), data.LogOf("redis"), workingDirectory: data.Redis);
        return new RedisServer(port, process, address) { WorkingDirectory = data.Redis };
    }

    /// <summary>Readiness probe: <c>null</c> once Redis answers PING with PONG (not while it is still loading its AOF).</summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await RedisConnection.SendAsync(Port, "PING", cancellationToken);
            return reply == "PONG" ? null : $"PING answered {reply ?? "nothing"}";
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Deletes the Orleans membership tables of service <paramref name="serviceId"/> (keys
    /// <c>&lt;service&gt;/members/&lt;cluster&gt;</c>) left by silos of an earlier run, and returns how many there were.
    /// Only for a Redis this `fabric up` owns, before its first silo starts: grain state and reminders are untouched.
    /// </summary>
    public async Task<int> ClearMembershipAsync(string serviceId, CancellationToken cancellationToken)
    {
        const string script = "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end return #keys";
        var reply = await RedisConnection.SendAsync(Port, $"EVAL \"{script}\" 0 \"{serviceId}/members/*\"", cancellationToken);
        return reply is [':', .. var count] && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var cleared)
            ? cleared
            : throw new UpFailedException($"redis-server on {Endpoint} refused to clear the previous run's cluster membership: {reply ?? "no answer"}; stop whatever else uses it, or remove the keys '{serviceId}/members/*' by hand", Process);
    }

    /// <summary>
    /// SHUTDOWN makes Redis fsync the AOF and exit; SIGTERM does the same if the command cannot be sent;
    /// SIGKILL only after <paramref name="gracePeriod"/>, when losing the last second of writes is the lesser evil.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan gracePeriod, TimeProvider time)
    {
        if (Process.Exited.IsCompleted)
        {
            await ShutdownReplacementAsync(time);
            return;
        }

        try
        {
            using var sendDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await RedisConnection.SendAsync(Port, "SHUTDOWN", sendDeadline.Token);
            await Process.Exited.WaitAsync(gracePeriod, time);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or TimeoutException)
        {
            await Process.StopAsync(gracePeriod, time);
        }
    }

    /// <summary>
    /// Our Redis exited and one restarted from cluster.json's command line may answer on the port instead: no child of
    /// ours, but this cluster's Redis on this cluster's data, so it is stopped too. Nothing answering is no error.
    /// </summary>
    private async Task ShutdownReplacementAsync(TimeProvider time)
    {
        try
        {
            using var sendDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await RedisConnection.SendAsync(Port, "SHUTDOWN", sendDeadline.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            // Nothing there, or it went away while shutting down.
        }
    }
}
